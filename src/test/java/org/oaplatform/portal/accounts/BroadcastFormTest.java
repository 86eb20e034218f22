package org.oaplatform.portal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oaplatform.broadcasts.entity.BroadcastTarget;

class BroadcastFormTest {

    @Test
    void writesTheBodiesOfSendallSendAndPreview() {
        BroadcastForm form = new BroadcastForm();
        form.setText("双十二");
        assertEquals("{\"msgtype\":\"text\",\"text\":{\"content\":\"双十二\"},\"filter\":{\"is_to_all\":true},"
                + "\"clientmsgid\":\"c1\"}", form.sendBody("c1").toString());
        assertEquals(BroadcastTarget.ALL, form.audience().target());

        form.setTarget("TAG");
        form.setTagId(101);
        form.setKind("image");
        form.setMediaId("med_0123456789abcdef");
        assertEquals("{\"msgtype\":\"image\",\"image\":{\"media_id\":\"med_0123456789abcdef\"},"
                + "\"filter\":{\"is_to_all\":false,\"tag_id\":101},\"clientmsgid\":\"c2\"}", form.sendBody("c2")
                .toString());
        assertEquals(101, form.audience().tagId());

        form.setTarget("LIST");
        form.setOpenids(" oA1,oB2\n\noA1 ; oC3 ");
        assertEquals(List.of("oA1", "oB2", "oC3"), form.audience().openids(), "a repeated openid once");
        assertEquals("[\"oA1\",\"oB2\",\"oA1\",\"oC3\"]", form.sendBody("c3").getJsonArray("touser").toString(),
                "as typed: mass/send counts a repeated openid once itself");
        assertEquals("{\"msgtype\":\"image\",\"image\":{\"media_id\":\"med_0123456789abcdef\"},\"touser\":\"oMe\"}",
                form.previewBody("oMe").toString());
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
