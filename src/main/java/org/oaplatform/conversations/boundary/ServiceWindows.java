package org.oaplatform.conversations.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oaplatform.conversations.control.ServiceWindow;
import org.oaplatform.conversations.control.ServiceWindow.Allowance;
import org.oaplatform.conversations.control.ServiceWindow.Trigger;
import org.oaplatform.conversations.control.WindowError;
import org.oaplatform.conversations.entity.ConversationWindow;
import org.oaplatform.followers.boundary.FollowerSubscribed;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.boundary.QrCodeScanned;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.menus.boundary.MenuButtonUsed;
import org.oaplatform.menus.entity.ButtonType;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.InstantConverter;

/**
 * The service window of each conversation, stored (spec §4.2): opened by what the follower does, observed inside the
 * transaction that records it (a message, a follow, a QR scan, a counting menu click), and spent by the account's
 * customer-service messages. A blacklisted follower's actions open nothing. {@link ServiceWindow} does the arithmetic;
 * this class keeps its values in {@code service_window}, locked while they change.
 * <p>
 * Lock order, the same everywhere so that nothing deadlocks: the follower row (sends lock it first through
 * {@code Followers.receiver}), then the conversation row, then the window row.
 */
@Stateless
public class ServiceWindows {

    /** Typing lasts 15 s and needs a message exchanged within the 30 s before it (spec §4.3). */
    public static final Duration TYPING = Duration.ofSeconds(15);
    public static final Duration TYPING_NEEDS_EXCHANGE_WITHIN = Duration.ofSeconds(30);
    private static final Set<ButtonType> COUNTING_CLICKS = EnumSet.of(ButtonType.CLICK, ButtonType.SCANCODE_PUSH,
            ButtonType.SCANCODE_WAITMSG);

    @PersistenceContext
    EntityManager em;

    @Inject
    Followers followers;

    /** The follower row is in this transaction's persistence context already: found by id, it costs no query. */
    public void messageReceived(@Observes FollowerMessageReceived e) {
        open(followers.byId(e.followerId()), Trigger.MESSAGE, e.at());
    }

    public void subscribed(@Observes FollowerSubscribed e) {
        open(e.accountId(), e.openid(), Trigger.FOLLOW, e.at());
    }

    public void scanned(@Observes QrCodeScanned e) {
        open(e.accountId(), e.openid(), Trigger.QR_SCAN, e.at());
    }

    /** Only click, scancode_push and scancode_waitmsg count (spec §4.2); the menus component never fires for the blacklisted. */
    public void menuUsed(@Observes MenuButtonUsed e) {
        if (COUNTING_CLICKS.contains(e.buttonType())) {
            open(e.accountId(), e.openid(), Trigger.MENU_CLICK, e.at());
        }
    }

    /**
     * Counts one customer-service message sent {@code now}: 45015 outside the window, 45047 when its messages are
     * spent. The caller holds the follower's lock ({@code Followers.receiver}), so sends are counted one at a time.
     */
    public ServiceWindow spend(Follower follower, Instant now) {
        ConversationWindow row = lockedOrNull(follower);
        ServiceWindow window = sendable(row, now);
        ServiceWindow after = window.afterSendingAt(now);
        store(row, after);
        row.exchanged(now, true);
        return after;
    }

    /** {@code message/custom/typing}: Typing for 15 s, or CancelTyping; only while a message could be sent. */
    public void typing(Follower follower, boolean typing, Instant now) {
        ConversationWindow row = lockedOrNull(follower);
        sendable(row, now);
        if (!typing) {
            row.typing(null);
            return;
        }
        if (row.lastExchangeAt() == null
                || !now.isBefore(row.lastExchangeAt().plus(TYPING_NEEDS_EXCHANGE_WITHIN))) {
            throw new BusinessException(WindowError.TYPING_WITHOUT_EXCHANGE);
        }
        if (row.typingAt(now)) {
            throw new BusinessException(WindowError.ALREADY_TYPING);
        }
        row.typing(now.plus(TYPING));
    }

    /**
     * The windows of these followers as they stand, for reading (the inbox shows each one's state); a follower who never
     * opened one is absent. No lock: a send checks again under the follower's lock.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, ServiceWindow> windowsOf(Collection<Long> followerIds) {
        if (followerIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(ConversationWindow.OF_FOLLOWERS, ConversationWindow.class)
                .setParameter("followerIds", followerIds).getResultStream()
                .collect(Collectors.toMap(ConversationWindow::followerId, ServiceWindows::window));
    }

    private void open(long accountId, String openid, Trigger trigger, Instant at) {
        followers.findOfAccount(new AccountId(accountId), openid).ifPresent(follower -> open(follower, trigger, at));
    }

    private void open(Follower follower, Trigger trigger, Instant at) {
        if (follower.blacklisted()) {
            return;
        }
        long accountId = follower.accountId();
        em.createNativeQuery("INSERT INTO service_window (follower_id, account_id, message_opened_at, message_until,"
                + " message_left, interaction_opened_at, interaction_until, interaction_left) VALUES (?, ?, ?, ?, 0,"
                + " ?, ?, 0) ON DUPLICATE KEY UPDATE follower_id = follower_id")
                .setParameter(1, follower.id()).setParameter(2, accountId)
                .setParameter(3, InstantConverter.utc(Instant.EPOCH)).setParameter(4, InstantConverter.utc(Instant.EPOCH))
                .setParameter(5, InstantConverter.utc(Instant.EPOCH)).setParameter(6, InstantConverter.utc(Instant.EPOCH))
                .executeUpdate();
        ConversationWindow row = lockedOrNull(follower);
        store(row, window(row).opened(trigger, at));
        if (trigger == Trigger.MESSAGE) {
            row.exchanged(at, false);
        }
    }

    private static ServiceWindow sendable(ConversationWindow row, Instant now) {
        ServiceWindow window = row == null ? ServiceWindow.NONE : window(row);
        return switch (window.stateAt(now)) {
            case OPEN -> window;
            case SPENT -> throw new BusinessException(WindowError.RESPONSE_COUNT_LIMIT);
            case CLOSED -> throw new BusinessException(WindowError.RESPONSE_OUT_OF_TIME);
        };
    }

    private ConversationWindow lockedOrNull(Follower follower) {
        return em.find(ConversationWindow.class, follower.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    private static ServiceWindow window(ConversationWindow row) {
        return new ServiceWindow(new Allowance(row.messageOpenedAt(), row.messageUntil(), row.messageLeft()),
                new Allowance(row.interactionOpenedAt(), row.interactionUntil(), row.interactionLeft()));
    }

    private static void store(ConversationWindow row, ServiceWindow window) {
        row.allowances(window.message().openedAt(), window.message().until(), window.message().left(),
                window.interaction().openedAt(), window.interaction().until(), window.interaction().left());
    }
}
