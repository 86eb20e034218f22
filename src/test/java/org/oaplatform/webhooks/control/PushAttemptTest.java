package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BusinessException;

/** What of a well-formed reply reaches the follower. */
class PushAttemptTest {

    private static final PushAttempt.Target TO_A_MESSAGE = new PushAttempt.Target(URI.create("http://x/"), "token",
            null, PushMode.PLAIN, "wx0123456789abcdef", "gh_0123456789ab", "oFollower", 1);

    private static PassiveReply reply(String to, String from, PassiveReply.Content content) {
        return new PassiveReply(to, from, 1L, content);
    }

    @Test
    void aReplyMustGoBackAlongThePush() {
        PassiveReply.Text text = new PassiveReply.Text("hi");
        assertEquals(text, PushAttempt.acceptable(reply("oFollower", "gh_0123456789ab", text), TO_A_MESSAGE)
                .content());
        BusinessException elsewhere = assertThrows(BusinessException.class,
                () -> PushAttempt.acceptable(reply("oSomebodyElse", "gh_0123456789ab", text), TO_A_MESSAGE));
        assertEquals(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, elsewhere.code());
        assertThrows(BusinessException.class,
                () -> PushAttempt.acceptable(reply("oFollower", "gh_another00000", text), TO_A_MESSAGE));
    }

    @Test
    void aReplyToAMessageCarriesOneArticleAndTheRestIsDropped() {
        PassiveReply.Article a = new PassiveReply.Article("a", "", "", "https://example.com/a");
        PassiveReply.Article b = new PassiveReply.Article("b", "", "", "https://example.com/b");
        PassiveReply cut = PushAttempt.acceptable(reply("oFollower", "gh_0123456789ab",
                new PassiveReply.News(List.of(a, b))), TO_A_MESSAGE);
        assertEquals(List.of(a), ((PassiveReply.News) cut.content()).articles());
    }

    @Test
    void mediaRepliesPassHereAndNameTheirMediaForTheDeliveryToCheck() {
        PassiveReply.Image image = new PassiveReply.Image("med_0123456789abcdef");
        PassiveReply taken = PushAttempt.acceptable(reply("oFollower", "gh_0123456789ab", image), TO_A_MESSAGE);
        assertEquals(new PassiveReply.ShownMedia("image", "med_0123456789abcdef"), taken.content().shownMedia()
                .orElseThrow());
        assertEquals("video", new PassiveReply.Video("m", "", "").shownMedia().orElseThrow().type());
        assertEquals("voice", new PassiveReply.Voice("m").shownMedia().orElseThrow().type());
        assertEquals(java.util.Optional.empty(), new PassiveReply.Text("hi").shownMedia());
    }
}
