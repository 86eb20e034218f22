package org.oaplatform.merchants.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * WeChat Pay v2's times, in Beijing time: {@code yyyyMMddHHmmss} ({@code time_end}, {@code time_expire}), and in
 * refunds {@code yyyy-MM-dd HH:mm:ss}.
 */
public final class PayTime {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private PayTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(BEIJING));
    }

    /** The refund fields' spelling of a time ({@code success_time}, {@code refund_success_time_$n}). */
    public static String readable(Instant instant) {
        return READABLE.format(instant.atZone(BEIJING));
    }

    /** The Beijing day {@code instant} falls on. */
    public static LocalDate today(Instant instant) {
        return instant.atZone(BEIJING).toLocalDate();
    }

    /** When a Beijing day begins. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(BEIJING).toInstant();
    }

    /** Empty for text that is not such a time. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() != 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, FORMAT).atZone(BEIJING).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
