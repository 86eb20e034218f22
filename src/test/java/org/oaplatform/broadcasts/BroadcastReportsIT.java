package org.oaplatform.broadcasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.broadcasts.boundary.BroadcastDesk;
import org.oaplatform.broadcasts.boundary.BroadcastInbox;
import org.oaplatform.broadcasts.boundary.BroadcastReports;
import org.oaplatform.broadcasts.boundary.BroadcastReports.Audience;
import org.oaplatform.broadcasts.boundary.BroadcastReports.Outlook;
import org.oaplatform.broadcasts.boundary.BroadcastReports.Report;
import org.oaplatform.broadcasts.boundary.Broadcasts;
import org.oaplatform.broadcasts.control.BroadcastCalendar;
import org.oaplatform.broadcasts.control.BroadcastTimeline;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.broadcasts.entity.BroadcastStatus;
import org.oaplatform.broadcasts.entity.BroadcastTarget;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.boundary.Tags;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.TestData;

/**
 * The read side of broadcasts: the outlook counts targets, the blacklisted and followers at their four of the month
 * as the fan-out then filters them (all, a tag, a list; unfollowed followers nowhere); a subscription account's day
 * is free until its one broadcast; a report has the filter reasons, deliveries and reads with their timeline; the
 * list is newest first in keyset pages without previews, a scheduled one without progress; nobody but a member reads
 * any of it.
 */
@ExtendWith(ArquillianExtension.class)
class BroadcastReportsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithMovableClock();
    }

    @ArquillianResource
    URL base;

    @Inject
    BroadcastReports reports;

    @Inject
    Broadcasts broadcasts;

    @Inject
    BroadcastInbox inbox;

    @Inject
    BroadcastDesk desk;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Followers followers;

    @Inject
    Tags tags;

    @Inject
    People people;

    @PersistenceContext
    EntityManager em;

    record Setup(OfficialAccount account, long ownerId, List<String> openids) {

        AccountId id() {
            return account.accountId();
        }
    }

    @Test
    void theOutlookCountsWhatTheFanOutFiltersAndTheReportSaysWhy() throws Exception {
        Setup s = setup("SERVICE", 6);
        List<String> o = s.openids();
        int tagId = tags.create(s.id(), "常客").tagId();
        tags.tag(s.id(), tagId, List.of(o.get(0), o.get(1)));
        Outlook fresh = reports.outlook(s.ownerId(), s.account().appId(), Audience.all());
        assertEquals(6, fresh.targeted());
        assertEquals(0, fresh.filtered());
        assertFalse(fresh.oneADay());
        assertTrue(fresh.todayFree());

        // the tag's two get four broadcasts; then one of them is blacklisted and one other follower leaves
        for (int i = 1; i <= 3; i++) {
            finished(broadcasts.sendAll(s.id(), text(tagId, "第 " + i + " 条")).msgId());
        }
        long fourth = finished(broadcasts.sendAll(s.id(), text(tagId, "第 4 条")).msgId()).id();
        tags.blacklist(s.id(), List.of(o.get(1)));
        Api leaving = TestData.person(new Api(base), TestData.cnPhone());
        leaving.post("api/v1/me/following", Json.createObjectBuilder().add("appid", s.account().appId()).build());
        assertEquals(204, leaving.delete("api/v1/me/following/" + s.account().appId()).status());

        Outlook all = reports.outlook(s.ownerId(), s.account().appId(), Audience.all());
        assertEquals(6, all.targeted(), "the one who left is no target");
        assertEquals(1, all.blacklisted());
        assertEquals(1, all.overAllowance(), "at four and not blacklisted: filtered for the allowance");
        assertEquals(4, all.reaching());
        Outlook tag = reports.outlook(s.ownerId(), s.account().appId(), Audience.tag(tagId));
        assertEquals(List.of(2L, 1L, 1L, 0L), List.of(tag.targeted(), tag.blacklisted(), tag.overAllowance(),
                tag.reaching()));
        Outlook list = reports.outlook(s.ownerId(), s.account().appId(), Audience.list(List.of(o.get(0), o.get(2),
                o.get(0))));
        assertEquals(List.of(2L, 0L, 1L, 1L), List.of(list.targeted(), list.blacklisted(), list.overAllowance(),
                list.reaching()));
        assertEquals(40003, refusal(() -> reports.outlook(s.ownerId(), s.account().appId(),
                Audience.list(List.of(o.get(0), "oNotAFollowerOfThisAccount00")))));
        assertEquals(45159, refusal(() -> reports.outlook(s.ownerId(), s.account().appId(), Audience.tag(999))));

        // what the outlook said is what the fifth broadcast does
        Report fifth = reports.report(s.ownerId(), s.account().appId(),
                finished(broadcasts.sendAll(s.id(), text(tagId, "第五条")).msgId()).id());
        assertEquals(List.of(2L, 1L, 1L, 0L), List.of(fifth.targeted(), fifth.blacklisted(), fifth.overAllowance(),
                fifth.delivered()));
        assertEquals(100, fifth.progress().percent());

        // reads: the follower who is not blacklisted opens the fourth
        long reader = followers.ofAccount(s.id(), o.get(0)).personId();
        inbox.read(reader, fourth);
        inbox.read(reader, fourth);
        Report report = reports.report(s.ownerId(), s.account().appId(), fourth);
        assertEquals(List.of(2L, 0L, 0L, 2L, 1L), List.of(report.targeted(), report.blacklisted(),
                report.overAllowance(), report.delivered(), report.read()));
        assertEquals(1, report.progress().done(), "two followers are one chunk of four");
        BroadcastTimeline.Point last = report.timeline().get(report.timeline().size() - 1);
        assertEquals(2, last.delivered());
        assertEquals(1, last.read());
        assertTrue(report.timeline().stream().allMatch(p -> p.read() <= p.delivered()), report.timeline().toString());

        // nobody else reads any of it
        String strangerPhone = phone();
        TestData.person(new Api(base), strangerPhone);
        long stranger = people.byPhone(strangerPhone).orElseThrow().id();
        for (var call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> reports.report(stranger, s.account().appId(), fourth),
                () -> reports.outlook(stranger, s.account().appId(), Audience.all()),
                () -> reports.broadcasts(stranger, s.account().appId(), null, 10))) {
            assertEquals(PlatformError.NOT_FOUND, assertThrows(BusinessException.class, call).code());
        }
        Setup other = setup("SERVICE", 0);
        assertEquals(40097, refusal(() -> reports.report(other.ownerId(), other.account().appId(), fourth)));
    }

    @Test
    void aSubscriptionAccountsDayIsFreeUntilItsBroadcast() throws Exception {
        Setup s = setup("SUBSCRIPTION", 2);
        Outlook before = reports.outlook(s.ownerId(), s.account().appId(), Audience.all());
        assertTrue(before.oneADay());
        assertTrue(before.todayFree());
        assertFalse(before.monthlyAllowance());
        assertEquals(2, before.targeted());
        Instant midnight = LocalDate.now(BroadcastCalendar.CHINA).plusDays(1).atStartOfDay(BroadcastCalendar.CHINA)
                .toInstant();
        assertEquals(midnight, before.dayEndsAt(), "a Chinese account's day ends at midnight in Beijing");
        finished(broadcasts.sendAll(s.id(), text(null, "今天的")).msgId());
        assertFalse(reports.outlook(s.ownerId(), s.account().appId(), Audience.all()).todayFree());
    }

    @Test
    void theListIsNewestFirstInKeysetPagesWithoutPreviews() throws Exception {
        Setup s = setup("SERVICE", 2);
        long first = finished(broadcasts.sendAll(s.id(), text(null, "一")).msgId()).id();
        long second = finished(broadcasts.sendAll(s.id(), text(null, "二")).msgId()).id();
        broadcasts.preview(s.id(), followers.ofAccount(s.id(), s.openids().get(0)), Json.createObjectBuilder()
                .add("touser", s.openids().get(0)).add("msgtype", "text")
                .add("text", Json.createObjectBuilder().add("content", "预览")).build());
        long third = finished(broadcasts.sendAll(s.id(), text(null, "三")).msgId()).id();
        BroadcastReports.Page page = reports.broadcasts(s.ownerId(), s.account().appId(), null, 2);
        assertEquals(List.of(third, second), page.rows().stream().map(r -> r.broadcast().id()).toList());
        assertEquals(second, page.nextBefore());
        assertEquals(100, page.rows().get(0).progress().percent());
        BroadcastReports.Page rest = reports.broadcasts(s.ownerId(), s.account().appId(), page.nextBefore(), 2);
        assertEquals(List.of(first), rest.rows().stream().map(r -> r.broadcast().id()).toList());
        assertNull(rest.nextBefore());
        assertEquals(PlatformError.VALIDATION_FAILED, assertThrows(BusinessException.class,
                () -> reports.broadcasts(s.ownerId(), s.account().appId(), null, 101)).code());

        // one scheduled by a member through the desk is listed first, without progress until it starts
        Broadcast scheduled = desk.compose(s.ownerId(), s.account().appId(), new BroadcastDesk.Composition(
                BroadcastTarget.ALL, null, null, Json.createObjectBuilder().add("msgtype", "text")
                        .add("text", Json.createObjectBuilder().add("content", "明天")).build(),
                Instant.now().plus(Duration.ofDays(1))));
        BroadcastReports.Row top = reports.broadcasts(s.ownerId(), s.account().appId(), null, 2).rows().get(0);
        assertEquals(scheduled.id(), top.broadcast().id());
        assertEquals(BroadcastStatus.SCHEDULED, top.broadcast().status());
        assertNull(top.progress());
        assertNull(reports.report(s.ownerId(), s.account().appId(), scheduled.id()).progress());
    }

    /** A verified account of the type with {@code count} followers, openids in follow order; its owner's id. */
    private Setup setup(String type, int count) throws Exception {
        Api owner = TestData.person(new Api(base), phone());
        JsonObject created = owner.post("api/v1/official-accounts", Json.createObjectBuilder(
                TestData.serviceAccount(TestData.accountName("R"))).add("type", type).build()).json();
        String appid = created.getString("appid");
        TestData.verify(owner, appid);
        for (int i = 0; i < count; i++) {
            Api fan = TestData.person(new Api(base), phone());
            assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", appid)
                    .build()).status());
        }
        OfficialAccount account = accounts.byAppId(appid);
        return new Setup(account, accounts.ownerOf(account), count == 0 ? List.of()
                : followers.page(account.accountId(), null).openids());
    }

    private static String phone() {
        return TestData.cnPhone();
    }

    private Broadcast finished(long msgId) {
        Broadcast done = Eventually.poll(Duration.ofSeconds(30), () -> {
            em.getEntityManagerFactory().getCache().evictAll();
            return em.createQuery("SELECT b FROM Broadcast b WHERE b.id = :id", Broadcast.class)
                    .setParameter("id", msgId).setHint("jakarta.persistence.cache.retrieveMode",
                            CacheRetrieveMode.BYPASS).getSingleResult();
        }, b -> b.status() == BroadcastStatus.SEND_SUCCESS);
        assertEquals(BroadcastStatus.SEND_SUCCESS, done.status(), "broadcast " + msgId + " did not finish");
        return done;
    }

    private static JsonObject text(Integer tagId, String content) {
        JsonObjectBuilder filter = tagId == null ? Json.createObjectBuilder().add("is_to_all", true)
                : Json.createObjectBuilder().add("is_to_all", false).add("tag_id", tagId);
        return Json.createObjectBuilder().add("filter", filter).add("msgtype", "text")
                .add("text", Json.createObjectBuilder().add("content", content)).build();
    }

    private static int refusal(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(BusinessException.class, call).code().errcode();
    }
}
