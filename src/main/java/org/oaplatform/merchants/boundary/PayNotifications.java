package org.oaplatform.merchants.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oaplatform.merchants.control.NotifyAttempt;
import org.oaplatform.merchants.control.PaySignature;
import org.oaplatform.merchants.control.PayTime;
import org.oaplatform.merchants.control.RefundNotice;
import org.oaplatform.merchants.control.PaySignature.SignType;
import org.oaplatform.merchants.control.PayXml;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.MerchantRefund;
import org.oaplatform.merchants.entity.NotificationAttempt;
import org.oaplatform.merchants.entity.PayNotification;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.DueWork;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.webhooks.control.WebhookSettings;

/**
 * Payment and refund notifications, the webhooks' push model applied to WeChat Pay's notify (spec §2.4): recorded in
 * the transaction that owes them, sent after it commits, retried on WeChat's schedule until the merchant answers
 * SUCCESS. Each attempt is claimed in a short transaction (a lease and an attempt number under the row's lock), made
 * with no transaction open, and recorded in another; a timer sends whatever is due, including notifications whose
 * instance died holding a lease, so that the database, not a thread, decides what is still owed.
 */
@Stateless
public class PayNotifications {

    private static final Logger LOG = Logger.getLogger(PayNotifications.class.getName());
    private static final int MAX_DUE_PER_RUN = 200;
    private static final String UNSEALABLE_KEY = "not sent: the merchant's API key was sealed under another OA_SECRET_KEY;"
            + " the owner resets it in the portal and the next attempt is signed with the new key";

    /**
     * A claimed attempt and everything needed to make it without the database; {@code unsendable} says why it cannot
     * be made at all (then url and xml are null), so that it fails on WeChat's schedule instead of at every run.
     */
    public record Claim(long notificationId, int attempt, URI url, String xml, String unsendable) {

        static Claim sendable(long notificationId, int attempt, URI url, String xml) {
            return new Claim(notificationId, attempt, url, xml, null);
        }

        static Claim unsendable(long notificationId, int attempt, String reason) {
            return new Claim(notificationId, attempt, null, null, reason);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Merchants merchants;

    @Inject
    MerchantOrders orders;

    @Inject
    WebhookSettings outbound;

    @Inject
    Event<NotificationOwed> owed;

    @Resource
    SessionContext context;

    /** In the payment's transaction: the notification is owed exactly when the order is paid. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(MerchantOrder order) {
        PayNotification notification = new PayNotification(rowIds.next(), order.id(), clock.instant());
        em.persist(notification);
        owed.fire(new NotificationOwed(notification.id()));
    }

    /** In the transaction that finished the refund, which names where to notify. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(MerchantRefund refund) {
        PayNotification notification = new PayNotification(rowIds.next(), refund.orderId(), refund.seq(),
                refund.id(), clock.instant());
        em.persist(notification);
        owed.fire(new NotificationOwed(notification.id()));
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliverSoon(long notificationId) {
        deliver(notificationId);
    }

    /** One attempt, if one is due; the next is the timer's. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliver(long notificationId) {
        PayNotifications self = context.getBusinessObject(PayNotifications.class);
        Optional<Claim> claim = self.claim(notificationId);
        if (claim.isEmpty()) {
            return;
        }
        Claim made = claim.get();
        self.record(made, made.unsendable() != null ? new NotifyAttempt.Outcome(false, 0, made.unsendable(), null)
                : NotifyAttempt.run(outbound.client(), made.url(), made.xml()));
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = true, info = "pay-notifications")
    void deliverOnSchedule() {
        deliverDue();
    }

    public int deliverDue() {
        Instant now = clock.instant();
        List<Long> due = em.createNamedQuery(PayNotification.DUE, Long.class)
                .setParameter("pending", PayNotification.State.PENDING)
                .setParameter("inFlight", PayNotification.State.IN_FLIGHT).setParameter("now", now)
                .setMaxResults(MAX_DUE_PER_RUN).getResultList();
        PayNotifications self = context.getBusinessObject(PayNotifications.class);
        return DueWork.each(due, id -> {
            self.deliver(id);
            return true;
        }, LOG, "payment notification");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claim> claim(long notificationId) {
        PayNotification notification = em.find(PayNotification.class, notificationId,
                LockModeType.PESSIMISTIC_WRITE);
        int attempt = notification == null ? 0 : notification.claim(clock.instant());
        if (attempt == 0) {
            return Optional.empty();
        }
        MerchantOrder order = em.find(MerchantOrder.class, notification.orderId());
        Merchant merchant = em.find(Merchant.class, order.merchantId());
        // Signed at each attempt with the key of that moment: a merchant who reset the key verifies with the new one.
        Optional<String> key = merchants.apiKey(merchant);
        if (key.isEmpty()) {
            // The claim commits, so the attempt counts and the next waits its turn: throwing here would roll the
            // claim back and leave the notification due again at every run of the timer.
            return Optional.of(Claim.unsendable(notificationId, attempt, UNSEALABLE_KEY));
        }
        try {
            Optional<Long> refundId = notification.refundId();
            if (refundId.isPresent()) {
                MerchantRefund refund = em.find(MerchantRefund.class, refundId.get());
                return Optional.of(Claim.sendable(notificationId, attempt, URI.create(refund.notifyUrl()),
                        refundDocument(order, refund, merchant, key.get())));
            }
            return Optional.of(Claim.sendable(notificationId, attempt, URI.create(order.notifyUrl()),
                    document(order, merchant, key.get())));
        } catch (PersistenceException databaseAway) {
            throw databaseAway;
        } catch (RuntimeException unrenderable) {
            // Whatever keeps this one notification from being written (a stored URL that no longer parses, a bug)
            // fails its attempt on schedule, as the key above, instead of at every run of the timer.
            LOG.log(Level.WARNING, unrenderable, () -> "payment notification " + notificationId + " attempt "
                    + attempt + " could not be written");
            return Optional.of(Claim.unsendable(notificationId, attempt, "not sent: the notification could not be"
                    + " written (" + unrenderable + ")"));
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Claim claim, NotifyAttempt.Outcome outcome) {
        PayNotification notification = em.find(PayNotification.class, claim.notificationId(),
                LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        em.persist(new NotificationAttempt(rowIds.next(), notification.id(), claim.attempt(), now,
                outcome.delivered(), outcome.latencyMs(), outcome.error(), outcome.reply()));
        if (!notification.isCurrent(claim.attempt())) {
            LOG.warning(() -> "payment notification " + notification.id() + " attempt " + claim.attempt()
                    + " finished after its lease was taken over; logged only");
            return;
        }
        if (outcome.delivered()) {
            notification.delivered(now);
        } else {
            notification.failed(outcome.error(), now);
        }
    }

    private String document(MerchantOrder order, Merchant merchant, String key) {
        SignType signType = SignType.ofWire(order.signType()).orElse(SignType.MD5);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("return_msg", "OK");
        fields.put("appid", em.find(OfficialAccount.class, merchant.accountId()).appId());
        fields.put("mch_id", merchant.mchId());
        fields.put("device_info", order.deviceInfo());
        fields.put("nonce_str", ids.hex(16));
        // Named when it is not the default, so that the merchant's SDK verifies with the right algorithm.
        fields.put("sign_type", signType == SignType.MD5 ? null : signType.wire());
        fields.put("result_code", "SUCCESS");
        fields.put("trade_type", order.tradeType().name());
        fields.put("total_fee", Long.toString(order.totalFee()));
        fields.put("fee_type", "CNY");
        fields.put("out_trade_no", order.outTradeNo());
        fields.put("attach", order.attach());
        fields.putAll(orders.paidFields(order, merchant.accountId()));
        fields.values().removeIf(v -> v == null);
        fields.put(PaySignature.FIELD, PaySignature.sign(fields, signType, key));
        return PayXml.write(fields);
    }

    /** The fields WeChat encrypts into a refund notification's req_info (WxJava's {@code ReqInfo}). */
    private String refundDocument(MerchantOrder order, MerchantRefund refund, Merchant merchant, String key) {
        Map<String, String> head = new LinkedHashMap<>();
        head.put("appid", em.find(OfficialAccount.class, merchant.accountId()).appId());
        head.put("mch_id", merchant.mchId());
        head.put("nonce_str", ids.hex(16));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("transaction_id", order.transactionId());
        fields.put("out_trade_no", order.outTradeNo());
        fields.put("refund_id", refund.refundId());
        fields.put("out_refund_no", refund.outRefundNo());
        fields.put("total_fee", Long.toString(order.totalFee()));
        fields.put("settlement_total_fee", Long.toString(order.totalFee()));
        fields.put("refund_fee", Long.toString(refund.refundFee()));
        fields.put("settlement_refund_fee", Long.toString(refund.refundFee()));
        fields.put("refund_status", refund.state().name());
        fields.put("success_time", PayTime.readable(refund.succeededAt()));
        fields.put("refund_recv_accout", MerchantRefunds.RECEIVED_INTO);
        fields.put("refund_account", MerchantRefunds.FROM_ACCOUNT);
        fields.put("refund_request_source", refund.source().name());
        return RefundNotice.document(head, fields, key);
    }

    /** The delivery state of an order's payment notification, for tests and the merchant's log. */
    public Optional<PayNotification> ofOrder(long orderId) {
        return em.createNamedQuery(PayNotification.OF_ORDER, PayNotification.class).setParameter("orderId", orderId)
                .getResultStream().findFirst();
    }

    /** The delivery state of a refund's notification, if it named a notify_url. */
    public Optional<PayNotification> ofRefund(long refundId) {
        return em.createNamedQuery(PayNotification.OF_REFUND, PayNotification.class)
                .setParameter("refundId", refundId).getResultStream().findFirst();
    }
}
