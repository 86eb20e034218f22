package org.oaplatform.broadcasts.boundary;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * A position in the chat list, whose order is: time, newest first; at the same time (to the microsecond the database
 * keeps) conversations before broadcasts; then id, highest first. Written {@code <epoch micros>-<c|b>-<id>}: opaque to
 * clients, checked before any query.
 */
public record ChatCursor(Instant at, boolean conversation, long id) {

    static final ChatCursor START = new ChatCursor(Instant.parse("9999-12-31T00:00:00Z"), true, Long.MAX_VALUE);
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,18})-([cb])-(\\d{1,19})");

    /** Conversations that come after this position share its time only if it is a conversation's, with a lower id. */
    long conversationsBefore() {
        return conversation ? id : Long.MIN_VALUE;
    }

    /** Every broadcast of this position's time comes after a conversation's position; after a broadcast's, lower ids. */
    long broadcastsBefore() {
        return conversation ? Long.MAX_VALUE : id;
    }

    public static ChatCursor parse(String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value);
        if (m == null || !m.matches()) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "before is a cursor the chat list gave");
        }
        try {
            return new ChatCursor(Instant.EPOCH.plus(Long.parseLong(m.group(1)), ChronoUnit.MICROS),
                    m.group(2).equals("c"), Long.parseLong(m.group(3)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "before is a cursor the chat list gave");
        }
    }

    @Override
    public String toString() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "-" + (conversation ? "c" : "b") + "-" + id;
    }
}
