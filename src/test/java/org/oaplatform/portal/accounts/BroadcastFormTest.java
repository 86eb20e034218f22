package org.oaplatform.portal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oaplatform.broadcasts.boundary.BroadcastDesk;
import org.oaplatform.broadcasts.entity.BroadcastTarget;

class BroadcastFormTest {

    @Test
    void writesCompositionsAndPreviewsInTheDeveloperApisShape() {
        BroadcastForm form = new BroadcastForm();
        form.setText("双十二");
        BroadcastDesk.Composition now = form.composition(false);
        assertEquals(BroadcastTarget.ALL, now.target());
        assertEquals("{\"msgtype\":\"text\",\"text\":{\"content\":\"双十二\"}}", now.message().toString());
        assertNull(now.sendAt());

        form.setTarget("TAG");
        form.setTagId(101);
        form.setKind("image");
        form.setMediaId("med_0123456789abcdef");
        form.setSendAt(LocalDateTime.parse("2026-12-12T20:00"));
        BroadcastDesk.Composition later = form.composition(true);
        assertEquals(BroadcastTarget.TAG, later.target());
        assertEquals(101, later.tagId());
        assertEquals("{\"msgtype\":\"image\",\"image\":{\"media_id\":\"med_0123456789abcdef\"}}",
                later.message().toString());
        assertEquals(Instant.parse("2026-12-12T20:00:00Z"), later.sendAt(), "typed in UTC, as the portal shows times");
        assertNull(form.composition(false).sendAt(), "send now ignores a time typed before");

        form.setTarget("LIST");
        form.setOpenids(" oA1,oB2\n\noA1 ; oC3 ");
        assertEquals(List.of("oA1", "oB2", "oC3"), form.audience().openids(), "a repeated openid once");
        assertEquals(List.of("oA1", "oB2", "oA1", "oC3"), form.composition(false).openids(),
                "as typed: mass/send counts a repeated openid once itself");
        assertEquals("{\"msgtype\":\"image\",\"image\":{\"media_id\":\"med_0123456789abcdef\"},\"touser\":\"oMe\"}",
                form.previewBody("oMe").toString());
        form.sent();
        assertNull(form.getMediaId());
        assertNull(form.getSendAt());
        assertEquals("LIST", form.getTarget(), "the audience stays for the next one");
    }

    @Test
    void takesOnlyTheTargetsAndKindsItOffers() {
        BroadcastForm form = new BroadcastForm();
        form.setTarget("PREVIEW");
        assertEquals("ALL", form.getTarget());
        form.setKind("wxcard");
        assertEquals("text", form.getKind());
        form.setText(null);
        assertEquals("{\"content\":\"\"}", form.previewBody("oMe").getJsonObject("text").toString(),
                "an empty text goes to the boundary, which refuses it with 44004");
    }
}
