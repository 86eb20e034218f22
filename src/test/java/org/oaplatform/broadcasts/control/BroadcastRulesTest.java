package org.oaplatform.broadcasts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.oaplatform.platform.control.JsonSupport.JSON;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oaplatform.media.control.MediaError;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.ErrorCode;

class BroadcastRulesTest {

    @Test
    void aChineseAccountsDayAndMonthAreChinaStandardTime() {
        BroadcastCalendar china = BroadcastCalendar.of(AccountRegion.CN);
        // 15:59:59 UTC on the last of the month is 23:59:59 in Beijing; a second later it is the 1st there
        Instant lastSecond = Instant.parse("2026-11-30T15:59:59Z");
        assertEquals(20261130, china.day(lastSecond));
        assertEquals(202611, china.month(lastSecond));
        assertEquals(20261201, china.day(lastSecond.plusSeconds(1)));
        assertEquals(202612, china.month(lastSecond.plusSeconds(1)));
    }

    @Test
    void otherAccountsCountInUtc() {
        BroadcastCalendar utc = BroadcastCalendar.of(AccountRegion.INTERNATIONAL);
        Instant lastSecond = Instant.parse("2026-12-31T23:59:59Z");
        assertEquals(20261231, utc.day(lastSecond));
        assertEquals(202612, utc.month(lastSecond));
        assertEquals(20270101, utc.day(lastSecond.plusSeconds(1)));
        assertEquals(202701, utc.month(lastSecond.plusSeconds(1)));
        assertEquals(20261201, utc.day(Instant.parse("2026-12-01T15:59:59Z")), "Beijing's next day is not UTC's");
    }

    @Test
    void speedsAreZeroToFourAndCapTheChunks() {
        assertEquals(BroadcastError.SPEED_MISSING, refusal(() -> BroadcastSpeed.level(null)));
        assertEquals(BroadcastError.SPEED_OUT_OF_RANGE, refusal(() -> BroadcastSpeed.level(5)));
        assertEquals(BroadcastError.SPEED_OUT_OF_RANGE, refusal(() -> BroadcastSpeed.level(-1)));
        assertEquals(80, BroadcastSpeed.realSpeed(BroadcastSpeed.level(0)));
        assertEquals(10, BroadcastSpeed.realSpeed(4));
        assertEquals(Duration.ZERO, BroadcastSpeed.chunkInterval(0, 10_000), "the fastest is as fast as it goes");
        assertEquals(Duration.ofMillis(1000), BroadcastSpeed.chunkInterval(1, 10_000), "600 000 a minute");
        assertEquals(Duration.ofSeconds(6), BroadcastSpeed.chunkInterval(4, 10_000), "100 000 a minute");
    }

    @Test
    void messagesAreReadIntoTheInboxsFieldsWithTheirMedia() {
        BroadcastMessage text = read("{\"msgtype\":\"text\",\"text\":{\"content\":\"双十二\"}}");
        assertEquals("双十二", text.content().getString("content"));
        BroadcastMessage images = read("{\"msgtype\":\"images\",\"images\":{\"media_ids\":[\"a\",\"b\"]}}");
        assertEquals(2, images.media().size());
        assertEquals(MediaKind.IMAGE, images.media().get(1).kind());
        BroadcastMessage news = read("{\"msgtype\":\"mpnews\",\"mpnews\":{\"media_id\":\"med_1\"},"
                + "\"send_ignore_reprint\":0}");
        assertEquals("med_1", news.newsId());
        BroadcastMessage video = read("{\"msgtype\":\"mpvideo\",\"mpvideo\":{\"media_id\":\"v\",\"title\":\"T\"}}");
        assertEquals(MediaKind.VIDEO, video.media().get(0).kind());
        assertEquals("T", video.content().getString("title"));
    }

    @Test
    void badMessagesGetWeChatsCodes() {
        assertEquals(BroadcastError.BROADCAST_TYPE_NOT_SUPPORTED, refusal(() -> read("{\"text\":{}}")));
        assertEquals(BroadcastError.BROADCAST_TYPE_NOT_SUPPORTED,
                refusal(() -> read("{\"msgtype\":\"wxcard\",\"wxcard\":{\"card_id\":\"c\"}}")));
        assertEquals(BroadcastError.EMPTY_BROADCAST_TEXT, refusal(() -> read("{\"msgtype\":\"text\"}")));
        assertEquals(BroadcastError.BROADCAST_TEXT_TOO_LONG, refusal(() -> read("{\"msgtype\":\"text\",\"text\":"
                + "{\"content\":\"" + "长".repeat(BroadcastMessage.MAX_TEXT + 1) + "\"}}")));
        assertEquals(MediaError.MEDIA_ID_MISSING, refusal(() -> read("{\"msgtype\":\"voice\",\"voice\":{}}")));
        assertEquals(MediaError.MEDIA_ID_MISSING,
                refusal(() -> read("{\"msgtype\":\"images\",\"images\":{\"media_ids\":[]}}")));
    }

    private static BroadcastMessage read(String body) {
        return BroadcastMessage.read(JSON.createReader(new StringReader(body)).readObject());
    }

    private static ErrorCode refusal(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(BusinessException.class, call).code();
    }
}
