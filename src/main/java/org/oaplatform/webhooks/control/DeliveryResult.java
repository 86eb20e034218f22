package org.oaplatform.webhooks.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.oaplatform.platform.control.BusinessException;

/**
 * How one attempt went, for the push's state and the delivery log: whether the server took the push, the reply for
 * the follower (if any and acceptable), what went wrong, and what was sent and answered, with secrets masked.
 */
public record DeliveryResult(boolean delivered, Optional<PassiveReply> reply, Integer httpStatus, long latencyMs,
        String error, String maskedUrl, String loggedReply) {

    /** Signatures are derived from the token: the log shows that they were sent, not what they were. */
    private static final Pattern SIGNED = Pattern.compile("(?<=[?&](signature|msg_signature)=)[^&]*");

    public static DeliveryResult taken(PassiveReply reply, DeveloperServerClient.Answer answer, long latencyMs,
            URI url) {
        return new DeliveryResult(true, Optional.ofNullable(reply), answer.status(), latencyMs, null, mask(url),
                logged(answer.body()));
    }

    /** The server took the push, but its answer is no reply we can deliver: the follower sees nothing. */
    public static DeliveryResult replyRefused(DeveloperServerClient.Answer answer, String why, long latencyMs,
            URI url) {
        return new DeliveryResult(true, Optional.empty(), answer.status(), latencyMs, why, mask(url),
                logged(answer.body()));
    }

    /** This result with its reply refused after all, e.g. because the account may not send the media it names. */
    public DeliveryResult refused(String why) {
        return new DeliveryResult(delivered, Optional.empty(), httpStatus, latencyMs, why, maskedUrl, loggedReply);
    }

    public static DeliveryResult failed(BusinessException failure, long latencyMs, URI url) {
        return new DeliveryResult(false, Optional.empty(), null, latencyMs, describe(failure), mask(url), null);
    }

    public static String describe(BusinessException failure) {
        String detail = failure.getMessage();
        return failure.code().wire().problemSlug() + (detail == null || detail.isBlank() ? "" : ": " + detail);
    }

    static String mask(URI url) {
        return SIGNED.matcher(url.toString()).replaceAll("***");
    }

    private static String logged(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= DeliverySchedule.MAX_LOGGED_REPLY_CHARS ? text
                : text.substring(0, DeliverySchedule.MAX_LOGGED_REPLY_CHARS) + "… (" + body.length + " bytes)";
    }
}
