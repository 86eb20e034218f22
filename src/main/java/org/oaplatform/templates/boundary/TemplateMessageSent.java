package org.oaplatform.templates.boundary;

import java.time.Instant;

/**
 * A template message was recorded, fired inside the sending transaction: the seam through which the follower's
 * conversation shows it and the account's developer server later hears {@code TEMPLATESENDJOBFINISH}. Observers that
 * write join the transaction; observers that call out observe after success.
 */
public record TemplateMessageSent(long msgId, long accountId, long followerId, String title, String rendered,
        Instant sentAt) {
}
