package org.oaplatform.webhooks.boundary;

import java.time.Instant;
import java.util.function.Function;
import org.oaplatform.webhooks.control.PushHeader;
import org.oaplatform.webhooks.control.PushXml;

/**
 * Something a follower did that the account's developer server hears about: a message (with its 64-bit MsgId) or an
 * event. {@code xml} builds the push from the header with one of {@link PushXml}'s methods; {@code kind} is the
 * MsgType, or {@code event:} and the Event, as the delivery log shows it.
 */
public record FollowerAction(long accountId, String openid, String kind, Long msgId, Instant at,
        Function<PushHeader, String> xml) {

    /** A passive reply to a message may carry one news article, to anything else eight (spec §2.4). */
    int replyArticles() {
        return msgId == null ? 8 : 1;
    }

    public static FollowerAction message(long accountId, String openid, String msgType, long msgId, Instant at,
            Function<PushHeader, String> xml) {
        return new FollowerAction(accountId, openid, msgType, msgId, at, xml);
    }

    public static FollowerAction event(long accountId, String openid, String event, Instant at,
            Function<PushHeader, String> xml) {
        return new FollowerAction(accountId, openid, "event:" + event, null, at, xml);
    }
}
