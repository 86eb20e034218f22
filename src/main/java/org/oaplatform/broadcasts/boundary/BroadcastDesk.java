package org.oaplatform.broadcasts.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.oaplatform.broadcasts.control.BroadcastCalendar;
import org.oaplatform.broadcasts.control.BroadcastError;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.broadcasts.entity.BroadcastStatus;
import org.oaplatform.broadcasts.entity.BroadcastTarget;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.Membership;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.DueWork;
import org.oaplatform.platform.control.PlatformError;

/**
 * The operators' side of broadcasts (portal and client API): a member composes one to go out at once, at a set time,
 * or after another member approves it; members cancel what has not started, managers approve or reject. A composition
 * is read and checked as the developer API's send is ({@link Broadcasts}), and a scheduled broadcast holds its day's
 * quota from the moment it is scheduled. The approval step applies to members' compositions only: the developer API
 * acts on its AppSecret, as on WeChat. Lock order everywhere: the account's row, then the broadcast's.
 */
@Stateless
public class BroadcastDesk {

    static final Duration LONGEST_AHEAD = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(BroadcastDesk.class.getName());

    /** What a member composed: {@code message} in the developer API's shape ({@code msgtype} and its object). */
    public record Composition(BroadcastTarget target, Integer tagId, List<String> openids, JsonObject message,
            Instant sendAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Broadcasts broadcasts;

    @Inject
    FanOut fanOut;

    @Inject
    OfficialAccounts accounts;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    public Broadcast compose(long personId, String appId, Composition composition) {
        OfficialAccount account = accounts.requireMember(personId, appId).account();
        accounts.requireCapability(account, Capability.MASS_SEND);
        Instant sendAt = composition.sendAt();
        Instant now = clock.instant();
        if (sendAt != null && (!sendAt.isAfter(now) || sendAt.isAfter(now.plus(LONGEST_AHEAD)))) {
            throw new BusinessException(BroadcastError.SEND_AT_OUT_OF_RANGE, "sendAt " + sendAt
                    + " is not in the next " + LONGEST_AHEAD.toDays() + " days");
        }
        if (composition.message() == null || composition.target() == null) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a broadcast has a target and a message");
        }
        Broadcasts.Composer composer = new Broadcasts.Composer(personId, sendAt, approvalRequired(account));
        JsonObjectBuilder body = JSON.createObjectBuilder(composition.message());
        Broadcasts.Submitted submitted = switch (composition.target()) {
            case ALL -> broadcasts.sendAll(account.accountId(), body.add("filter", JSON.createObjectBuilder()
                    .add("is_to_all", true)).build(), composer);
            case TAG -> broadcasts.sendAll(account.accountId(), body.add("filter", JSON.createObjectBuilder()
                    .add("is_to_all", false).add("tag_id", composition.tagId() == null ? ""
                            : composition.tagId().toString())).build(), composer);
            case LIST -> broadcasts.sendToList(account.accountId(), body.add("touser", JSON.createArrayBuilder(
                    composition.openids() == null ? List.of() : composition.openids())).build(), composer);
            case PREVIEW -> throw new BusinessException(PlatformError.VALIDATION_FAILED,
                    "a preview is sent with preview, to one follower");
        };
        Broadcast broadcast = em.find(Broadcast.class, submitted.msgId());
        audit.record("broadcast.composed", target(broadcast), broadcast.status() + " " + broadcast.target()
                + (sendAt == null ? "" : " at " + sendAt));
        return broadcast;
    }

    /** A manager other than the composer lets it go: at once, or at its time if that is still ahead. */
    public Broadcast approve(long personId, String appId, long broadcastId) {
        OfficialAccount account = accounts.requireRole(personId, appId, MemberRole.OWNER, MemberRole.ADMIN).account();
        OfficialAccount owner = em.find(OfficialAccount.class, account.id(), LockModeType.PESSIMISTIC_WRITE);
        Broadcast broadcast = locked(owner, broadcastId);
        if (broadcast.status() != BroadcastStatus.PENDING_APPROVAL) {
            throw notPending(broadcast);
        }
        if (broadcast.composedBy() != null && broadcast.composedBy() == personId) {
            throw new BusinessException(BroadcastError.APPROVER_IS_COMPOSER, "another member approves it");
        }
        Instant now = clock.instant();
        Instant at = broadcast.sendAt() != null && broadcast.sendAt().isAfter(now) ? broadcast.sendAt() : now;
        BroadcastCalendar calendar = BroadcastCalendar.of(owner.region());
        broadcasts.requireDayFree(owner, calendar.day(at));
        broadcast.approve(personId, now, calendar.day(at), calendar.month(at));
        if (at.equals(now)) {
            broadcast.start(now, calendar.day(now), calendar.month(now));
            fanOut.begin(broadcast);
        }
        audit.record("broadcast.approved", target(broadcast), broadcast.status().name());
        return broadcast;
    }

    public Broadcast reject(long personId, String appId, long broadcastId, String note) {
        OfficialAccount account = accounts.requireRole(personId, appId, MemberRole.OWNER, MemberRole.ADMIN).account();
        if (note != null && note.length() > 200) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a note has at most 200 characters");
        }
        OfficialAccount owner = em.find(OfficialAccount.class, account.id(), LockModeType.PESSIMISTIC_WRITE);
        Broadcast broadcast = locked(owner, broadcastId);
        if (broadcast.status() != BroadcastStatus.PENDING_APPROVAL) {
            throw notPending(broadcast);
        }
        broadcast.reject(personId, clock.instant(), note);
        audit.record("broadcast.rejected", target(broadcast), note);
        return broadcast;
    }

    /** Until it starts, by the member who composed it or a manager; its day's quota is free again. */
    public Broadcast cancel(long personId, String appId, long broadcastId) {
        Membership member = accounts.requireMember(personId, appId);
        OfficialAccount owner = em.find(OfficialAccount.class, member.account().id(), LockModeType.PESSIMISTIC_WRITE);
        Broadcast broadcast = locked(owner, broadcastId);
        boolean composer = broadcast.composedBy() != null && broadcast.composedBy() == personId;
        if (!composer && !member.role().mayManage()) {
            throw new BusinessException(PlatformError.FORBIDDEN, "the member who composed it or a manager cancels it");
        }
        if (!broadcast.status().cancellable()) {
            throw notPending(broadcast);
        }
        broadcast.cancel();
        audit.record("broadcast.cancelled", target(broadcast), null);
        return broadcast;
    }

    public Broadcast ofAccount(long personId, String appId, long broadcastId) {
        OfficialAccount account = accounts.requireMember(personId, appId).account();
        Broadcast broadcast = em.find(Broadcast.class, broadcastId);
        if (broadcast == null || broadcast.accountId() != account.id()
                || broadcast.target() == BroadcastTarget.PREVIEW) {
            throw new BusinessException(PlatformError.NOT_FOUND, "no such broadcast of the account");
        }
        return broadcast;
    }

    public boolean approvalRequired(long personId, String appId) {
        return approvalRequired(accounts.requireMember(personId, appId).account());
    }

    /** A manager's choice; compositions already waiting keep waiting (approve or cancel them). */
    public void requireApproval(long personId, String appId, boolean required) {
        OfficialAccount account = accounts.requireRole(personId, appId, MemberRole.OWNER, MemberRole.ADMIN).account();
        em.createNativeQuery("INSERT INTO broadcast_policy (account_id, approval_required) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE approval_required = VALUES(approval_required)")
                .setParameter(1, account.id()).setParameter(2, required).executeUpdate();
        audit.record("broadcast.approval-" + (required ? "required" : "not-required"), "app:" + appId, null);
    }

    /** Every minute: scheduled broadcasts whose time has come start; the state is the database's, so a restart loses none. */
    @Schedule(hour = "*", minute = "*", second = "0", persistent = true, info = "scheduled-broadcasts")
    void startDueOnSchedule() {
        startDue();
    }

    public int startDue() {
        List<Long> due = em.createNamedQuery(Broadcast.DUE, Long.class).setParameter("scheduled",
                BroadcastStatus.SCHEDULED).setParameter("now", clock.instant()).setMaxResults(100).getResultList();
        BroadcastDesk self = context.getBusinessObject(BroadcastDesk.class);
        return DueWork.each(due, self::startScheduled, LOG, "start of scheduled broadcast");
    }

    /**
     * One scheduled broadcast, if it is still scheduled and due (a cancel may have come first). It counts in the day
     * and month it was scheduled for, which it has held since, even when it starts late.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean startScheduled(long broadcastId) {
        List<Long> accountId = em.createQuery("SELECT b.accountId FROM Broadcast b WHERE b.id = :id", Long.class)
                .setParameter("id", broadcastId).getResultList();
        if (accountId.isEmpty()) {
            return false;
        }
        OfficialAccount owner = em.find(OfficialAccount.class, accountId.get(0), LockModeType.PESSIMISTIC_WRITE);
        Broadcast broadcast = locked(owner, broadcastId);
        Instant now = clock.instant();
        if (broadcast.status() != BroadcastStatus.SCHEDULED || broadcast.sendAt().isAfter(now)) {
            return false;
        }
        broadcast.start(now, broadcast.dayKey(), broadcast.monthKey());
        fanOut.begin(broadcast);
        return true;
    }

    private boolean approvalRequired(OfficialAccount account) {
        List<?> policy = em.createNativeQuery("SELECT approval_required FROM broadcast_policy WHERE account_id = ?")
                .setParameter(1, account.id()).getResultList();
        return !policy.isEmpty() && (policy.get(0) instanceof Boolean required ? required
                : ((Number) policy.get(0)).intValue() != 0);
    }

    /** The account's broadcast, locked after the account's row (which the caller holds). */
    private Broadcast locked(OfficialAccount owner, long broadcastId) {
        Broadcast broadcast = em.find(Broadcast.class, broadcastId, LockModeType.PESSIMISTIC_WRITE);
        if (broadcast == null || broadcast.accountId() != owner.id()
                || broadcast.target() == BroadcastTarget.PREVIEW) {
            throw new BusinessException(PlatformError.NOT_FOUND, "no such broadcast of the account");
        }
        return broadcast;
    }

    private static BusinessException notPending(Broadcast broadcast) {
        return new BusinessException(BroadcastError.BROADCAST_NOT_PENDING, "the broadcast is "
                + broadcast.status().name().toLowerCase());
    }

    private static String target(Broadcast broadcast) {
        return "broadcast:" + broadcast.id();
    }
}
