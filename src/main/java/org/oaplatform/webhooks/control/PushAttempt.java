package org.oaplatform.webhooks.control;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.oaplatform.platform.control.BusinessException;

/**
 * One attempt of one push, without the database: sign (and in the encrypted modes seal) the XML, post it, and read
 * the answer as a passive reply that must be addressed back along the push (to the follower, from the account) and
 * of a kind the platform can show. Nothing thrown escapes: every outcome is a {@link DeliveryResult}.
 */
public final class PushAttempt {

    /** Where a push goes and what it is signed with. {@code encodingAesKey} is null in plain mode. */
    public record Target(URI url, String token, String encodingAesKey, PushMode mode, String appId,
            String accountOriginalId, String openid, int replyArticles) {
    }

    private PushAttempt() {
    }

    public static DeliveryResult run(DeveloperServerClient client, Target target, String plainXml, Instant now) {
        long started = System.nanoTime();
        URI url = target.url();
        try {
            SafeMode safeMode = target.mode().encrypts()
                    ? new SafeMode(target.token(), target.encodingAesKey(), target.appId()) : null;
            PushRequests.PushRequest request = PushRequests.push(target.url(), target.token(), target.mode(),
                    safeMode, target.accountOriginalId(), target.openid(), plainXml,
                    Long.toString(now.getEpochSecond()), PushRequests.newNonce());
            url = request.uri();
            DeveloperServerClient.Answer answer = client.postXml(request.uri(), request.body());
            long latency = millisSince(started);
            try {
                Optional<PassiveReply> reply = PassiveReplies.read(answer.body(), target.mode(), safeMode);
                return DeliveryResult.taken(reply.map(r -> acceptable(r, target)).orElse(null), answer, latency, url);
            } catch (BusinessException refused) {
                return DeliveryResult.replyRefused(answer, DeliveryResult.describe(refused), latency, url);
            }
        } catch (BusinessException failure) {
            return DeliveryResult.failed(failure, millisSince(started), url);
        }
    }

    /**
     * The reply as the follower will get it. Refused when it is addressed elsewhere. Whether the account may send the
     * media of an image, voice or video reply needs the database: {@code PushDelivery} checks it when it records the
     * attempt. News beyond what the push allows is cut (WeChat drops the extras).
     */
    static PassiveReply acceptable(PassiveReply reply, Target target) {
        if (!reply.toUser().equals(target.openid()) || !reply.fromUser().equals(target.accountOriginalId())) {
            throw new BusinessException(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, "the reply is addressed from "
                    + reply.fromUser() + " to " + reply.toUser() + ", not from the account to the follower");
        }
        if (reply.content() instanceof PassiveReply.News news && news.articles().size() > target.replyArticles()) {
            return new PassiveReply(reply.toUser(), reply.fromUser(), reply.createTime(),
                    new PassiveReply.News(news.articles().subList(0, target.replyArticles())));
        }
        return reply;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
