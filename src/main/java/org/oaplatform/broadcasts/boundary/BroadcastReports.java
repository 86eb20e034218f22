package org.oaplatform.broadcasts.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oaplatform.broadcasts.control.BroadcastCalendar;
import org.oaplatform.broadcasts.control.BroadcastProgress;
import org.oaplatform.broadcasts.control.BroadcastTimeline;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.broadcasts.entity.BroadcastStatus;
import org.oaplatform.broadcasts.entity.BroadcastTarget;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.boundary.Tags;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.InstantConverter;
import org.oaplatform.platform.control.PlatformError;

/**
 * What the members of an account read about its broadcasts: the outlook of a broadcast being composed (is today's one
 * still free, how many it targets and how many of them it would filter, and why), the report of one (targeted,
 * filtered by reason, delivered, read, its progress and both over time) and the list of them. Read-only and without a
 * transaction; every count is one set-based query over an index, so that an account of a million followers is
 * answered as fast as one of ten. Methods taking a person and an appid first require membership (any role), and
 * answer {@code NOT_FOUND} to anybody else, as for an account that does not exist.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class BroadcastReports {

    public static final int MAX_PAGE = 100;

    /** Whom a broadcast being composed goes to: everybody, a tag's followers (its WeChat tag id) or a list of openids. */
    public record Audience(BroadcastTarget target, Integer tagId, List<String> openids) {

        public static Audience all() {
            return new Audience(BroadcastTarget.ALL, null, List.of());
        }

        public static Audience tag(int tagId) {
            return new Audience(BroadcastTarget.TAG, tagId, List.of());
        }

        public static Audience list(List<String> openids) {
            return new Audience(BroadcastTarget.LIST, null, List.copyOf(new LinkedHashSet<>(openids)));
        }
    }

    /**
     * Before sending: for a subscription account whether today's one broadcast is free (and when its day ends, in
     * its calendar's zone); for every account how many current followers the audience has and how many of them would
     * not receive it, blacklisted or (service and enterprise accounts) at their four broadcasts of the month.
     */
    public record Outlook(AccountType type, String zone, boolean oneADay, boolean todayFree, Instant dayEndsAt,
            long targeted, long blacklisted, long overAllowance) {

        public boolean monthlyAllowance() {
            return !oneADay;
        }

        public long filtered() {
            return blacklisted + overAllowance;
        }

        public long reaching() {
            return Math.max(0, targeted - filtered());
        }
    }

    /** One broadcast's numbers: a chunk's filter reasons are counted when it is done, as its deliveries are. */
    public record Report(Broadcast broadcast, long targeted, long blacklisted, long overAllowance, long delivered,
            long read, BroadcastProgress progress, List<BroadcastTimeline.Point> timeline) {
    }

    /** A broadcast in the list; progress is {@code null} for one that has not started fanning out. */
    public record Row(Broadcast broadcast, BroadcastProgress progress) {
    }

    public record Page(List<Row> rows, Long nextBefore) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Followers followers;

    @Inject
    Tags tags;

    @Inject
    Broadcasts broadcasts;

    @Inject
    Clock clock;

    /** As the fan-out cuts them, for the estimate of the chunks a sending broadcast will take. */
    @Inject
    @ConfigProperty(name = "oa.broadcast.chunk-size", defaultValue = FanOut.DEFAULT_CHUNK_SIZE)
    int chunkSize;

    public Outlook outlook(long personId, String appId, Audience audience) {
        return outlook(accounts.requireMember(personId, appId).account(), audience);
    }

    public Outlook outlook(OfficialAccount account, Audience audience) {
        AccountId id = account.accountId();
        Instant now = clock.instant();
        BroadcastCalendar calendar = BroadcastCalendar.of(account.region());
        boolean oneADay = account.type() == AccountType.SUBSCRIPTION;
        AudienceSql sql = switch (audience.target()) {
            case ALL -> AudienceSql.all(id.value());
            case TAG -> AudienceSql.tag(id.value(), tags.byTagId(id, audience.tagId() == null ? -1 : audience.tagId())
                    .id());
            case LIST -> AudienceSql.followers(id.value(), followers.ofAccount(id, audience.openids()).stream()
                    .map(Follower::id).toList());
            case PREVIEW -> throw new BusinessException(PlatformError.VALIDATION_FAILED, "a preview has no outlook");
        };
        long targeted = audience.target() == BroadcastTarget.ALL ? followers.total(id) : sql.targeted(em);
        long blacklisted = sql.blacklisted(em);
        int month = calendar.month(now);
        long overAllowance = oneADay || !maySomebodyBeAtTheAllowance(id, calendar, now) ? 0
                : sql.overAllowance(em, month);
        boolean todayFree = !oneADay || em.createNamedQuery(Broadcast.COUNTED_ON_DAY, Long.class)
                .setParameter("accountId", id.value()).setParameter("day", calendar.day(now))
                .setParameter("preview", BroadcastTarget.PREVIEW).setParameter("holding", BroadcastStatus.HOLDING_QUOTA)
                .getSingleResult() == 0;
        Instant dayEnds = LocalDate.ofInstant(now, calendar.zone()).plusDays(1).atStartOfDay(calendar.zone())
                .toInstant();
        return new Outlook(account.type(), calendar.zone().getId(), oneADay, todayFree, dayEnds, targeted, blacklisted,
                overAllowance);
    }

    public Report report(long personId, String appId, long broadcastId) {
        return report(accounts.requireMember(personId, appId).account().accountId(), broadcastId);
    }

    public Report report(AccountId account, long broadcastId) {
        Broadcast broadcast = broadcasts.get(account, broadcastId);
        List<BroadcastTimeline.Count> chunks = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT done_at, sent FROM broadcast_chunk WHERE broadcast_id = ?"
                + " AND state = 'DONE'").setParameter(1, broadcastId).getResultList()) {
            Object[] values = (Object[]) row;
            chunks.add(new BroadcastTimeline.Count(InstantConverter.fromUtc(values[0]), number(values[1])));
        }
        List<BroadcastTimeline.Count> reads = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT hour_start, read_count FROM broadcast_read_hour"
                + " WHERE broadcast_id = ?").setParameter(1, broadcastId).getResultList()) {
            Object[] values = (Object[]) row;
            reads.add(new BroadcastTimeline.Count(InstantConverter.fromUtc(values[0]), number(values[1])));
        }
        long read = reads.stream().mapToLong(BroadcastTimeline.Count::count).sum();
        return new Report(broadcast, broadcast.totalCount(), broadcast.blacklistedCount(), broadcast.overAllowanceCount(),
                broadcast.sentCount(), read, progress(broadcast), BroadcastTimeline.of(chunks, reads));
    }

    /** The account's broadcasts (previews aside) newest first, keyset-paged by id: {@code before} one, or from the top. */
    public Page broadcasts(long personId, String appId, Long before, int size) {
        return broadcasts(accounts.requireMember(personId, appId).account().accountId(), before, size);
    }

    public Page broadcasts(AccountId account, Long before, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a page has 1 to " + MAX_PAGE + " entries");
        }
        List<Broadcast> found = em.createQuery("SELECT b FROM Broadcast b WHERE b.accountId = :accountId"
                + " AND b.target <> :preview AND b.id < :before ORDER BY b.id DESC", Broadcast.class)
                .setParameter("accountId", account.value()).setParameter("preview", BroadcastTarget.PREVIEW)
                .setParameter("before", before == null ? Long.MAX_VALUE : before).setMaxResults(size + 1)
                .getResultList();
        List<Row> rows = found.subList(0, Math.min(size, found.size())).stream()
                .map(b -> new Row(b, progress(b))).toList();
        return new Page(rows, found.size() > size ? rows.get(size - 1).broadcast().id() : null);
    }

    private BroadcastProgress progress(Broadcast broadcast) {
        if (broadcast.status() == BroadcastStatus.SEND_SUCCESS || broadcast.status() == BroadcastStatus.DELETE) {
            return BroadcastProgress.finished(chunks(broadcast.id(), "DONE"));
        }
        if (broadcast.status() != BroadcastStatus.SENDING) {
            return null;
        }
        long expected = switch (broadcast.target()) {
            case ALL -> followers.total(new AccountId(broadcast.accountId()));
            case TAG -> number(em.createNativeQuery("SELECT COUNT(*) FROM follower_tagging WHERE tag_pk = ?")
                    .setParameter(1, broadcast.tagPk()).getSingleResult());
            default -> number(em.createNativeQuery("SELECT COUNT(*) FROM broadcast_list_member WHERE broadcast_id = ?")
                    .setParameter(1, broadcast.id()).getSingleResult());
        };
        return BroadcastProgress.sending(chunks(broadcast.id(), "DONE"), chunks(broadcast.id(), "PENDING"), expected,
                chunkSize);
    }

    private int chunks(long broadcastId, String state) {
        return (int) number(em.createNativeQuery("SELECT COUNT(*) FROM broadcast_chunk WHERE broadcast_id = ?"
                + " AND state = ?").setParameter(1, broadcastId).setParameter(2, state).getSingleResult());
    }

    /**
     * A follower's receipts of a month count only this account's broadcasts (a follower row is of one account), so
     * nobody can be at the allowance while the account has sent fewer than that many broadcasts this month: then the
     * count that would walk every follower is not made. Broadcasts of the month are found by the account's day index,
     * from the start of the month before, so that the range is short whatever the account's history.
     */
    private boolean maySomebodyBeAtTheAllowance(AccountId account, BroadcastCalendar calendar, Instant now) {
        LocalDate monthBefore = YearMonth.from(LocalDate.ofInstant(now, calendar.zone())).minusMonths(1).atDay(1);
        long sent = number(em.createNativeQuery("SELECT COUNT(*) FROM broadcast WHERE account_id = ? AND day_key >= ?"
                + " AND month_key = ? AND target <> 'PREVIEW'").setParameter(1, account.value())
                .setParameter(2, calendar.day(monthBefore.atStartOfDay(calendar.zone()).toInstant()))
                .setParameter(3, calendar.month(now)).getSingleResult());
        return sent >= FanOut.MONTHLY_ALLOWANCE;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
