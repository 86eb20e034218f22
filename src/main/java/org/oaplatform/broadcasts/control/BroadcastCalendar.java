package org.oaplatform.broadcasts.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.oaplatform.officialaccounts.entity.AccountRegion;

/**
 * The calendar a broadcast quota counts in: the day and month of China Standard Time for accounts registered in
 * mainland China (WeChat's own calendar), of UTC for the others. Days and months are numbers (20261203, 202612)
 * that the database compares.
 */
public record BroadcastCalendar(ZoneId zone) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static BroadcastCalendar of(AccountRegion region) {
        return new BroadcastCalendar(region == AccountRegion.CN ? CHINA : ZoneOffset.UTC);
    }

    public int day(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, zone);
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    public int month(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, zone);
        return date.getYear() * 100 + date.getMonthValue();
    }
}
