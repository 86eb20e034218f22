package org.oaplatform.webhooks.control;

import java.time.Duration;

/**
 * The timing of pushes, as WeChat's (spec §2.4): each attempt gets {@link #TIMEOUT}, a push gets {@link #MAX_ATTEMPTS},
 * all with the same XML and so the same MsgId. Between attempts a short back-off (WeChat retries at once; a moment's
 * pause gives a restarting server a chance). An instance owns an attempt for {@link #LEASE}: longer than any attempt
 * can last, so a lease that ran out means the instance died, and another may take the push over.
 */
public final class DeliverySchedule {

    public static final int MAX_ATTEMPTS = 3;
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    public static final Duration LEASE = Duration.ofSeconds(30);
    /** What the delivery log keeps of a reply; the request is kept whole (we wrote it, its size is ours). */
    public static final int MAX_LOGGED_REPLY_CHARS = 4096;
    /** The most of an answer that is read; what is longer is refused unread (a passive reply is a few hundred bytes). */
    public static final int MAX_REPLY_BYTES = UntrustedXml.MAX_BYTES;

    private DeliverySchedule() {
    }

    /** The pause after {@code failedAttempts} failed attempts (at least 1): 1 s, then 2 s. */
    public static Duration backOff(int failedAttempts) {
        return Duration.ofSeconds(Math.min(Math.max(failedAttempts, 1), MAX_ATTEMPTS - 1));
    }
}
