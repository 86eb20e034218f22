package org.oaplatform.merchants.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.webhooks.control.DeveloperServerClient;
import org.oaplatform.webhooks.control.UntrustedXml;
import org.w3c.dom.Element;

/**
 * One POST of a payment notification to the merchant's {@code notify_url}, through the developer webhook's client
 * (the same outbound rules: checked address at connect time, no redirects, bounded time and reply). Delivered only
 * when the merchant answers {@code <return_code>SUCCESS</return_code>} (spec §2.4); anything else is retried.
 */
public final class NotifyAttempt {

    /** What the log keeps of an answer. */
    static final int LOGGED_REPLY_CHARS = 4096;

    public record Outcome(boolean delivered, long latencyMs, String error, String reply) {
    }

    private NotifyAttempt() {
    }

    public static Outcome run(DeveloperServerClient client, URI url, String xml) {
        long started = System.nanoTime();
        DeveloperServerClient.Answer answer;
        try {
            answer = client.postXml(url, xml);
        } catch (BusinessException failed) {
            return new Outcome(false, millisSince(started), failed.code().wire().problemSlug() + ": "
                    + failed.getMessage(), null);
        }
        long latency = millisSince(started);
        String reply = new String(answer.body(), StandardCharsets.UTF_8);
        String logged = reply.length() <= LOGGED_REPLY_CHARS ? reply : reply.substring(0, LOGGED_REPLY_CHARS);
        try {
            Element root = UntrustedXml.root(answer.body());
            String returnCode = UntrustedXml.text(root, "return_code").map(String::strip).orElse("");
            if ("SUCCESS".equalsIgnoreCase(returnCode)) {
                return new Outcome(true, latency, null, logged);
            }
            String message = UntrustedXml.text(root, "return_msg").orElse("");
            return new Outcome(false, latency, "the merchant answered return_code " + (returnCode.isEmpty() ? "(none)"
                    : returnCode) + (message.isEmpty() ? "" : ": " + message), logged);
        } catch (BusinessException malformed) {
            return new Outcome(false, latency, "the merchant's answer is not WeChat Pay XML: "
                    + malformed.getMessage(), logged);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
