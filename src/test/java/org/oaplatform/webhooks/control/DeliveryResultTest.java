package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeliveryResultTest {

    @Test
    void theLoggedUrlHidesBothSignaturesAndKeepsTheRest() {
        URI url = URI.create("https://dev.example/wx?a=1&signature=abc123&timestamp=17&nonce=9&openid=oX"
                + "&encrypt_type=aes&msg_signature=def456");
        assertEquals("https://dev.example/wx?a=1&signature=***&timestamp=17&nonce=9&openid=oX&encrypt_type=aes"
                + "&msg_signature=***", DeliveryResult.mask(url));
    }

    @Test
    void aLongReplyIsLoggedInPart() {
        byte[] body = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        DeliveryResult result = DeliveryResult.replyRefused(new DeveloperServerClient.Answer(200, body), "why", 5,
                URI.create("http://dev.example/"));
        assertTrue(result.loggedReply().endsWith("… (10000 bytes)"), result.loggedReply());
        assertEquals(DeliverySchedule.MAX_LOGGED_REPLY_CHARS + "… (10000 bytes)".length(),
                result.loggedReply().length());
    }
}
