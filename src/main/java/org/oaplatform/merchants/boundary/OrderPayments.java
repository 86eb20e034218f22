package org.oaplatform.merchants.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.merchants.control.MerchantError;
import org.oaplatform.merchants.control.PayTime;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.TradeState;
import org.oaplatform.merchants.entity.TradeType;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.payments.boundary.IdempotentRequests;
import org.oaplatform.payments.boundary.Ledger;
import org.oaplatform.payments.boundary.Wallets;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.Wallet;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;

/**
 * The payer's side of an order: find it from a scanned {@code code_url} (NATIVE) or a {@code prepay_id} (JSAPI, which
 * only the follower its openid names may pay), then pay it from the wallet with the payment password, once per
 * Idempotency-Key. Paying locks the order row first and the ledger accounts after (docs/payments.md), posts the exact
 * amount from the wallet to the merchant's account through {@link Ledger}, and records the payment notification in
 * the same transaction: the order is paid, the money moved and the merchant will be told, or none of it.
 */
@Stateless
public class OrderPayments {

    /** What a scanned code shows the payer: an order to confirm, or a merchant's static code to type an amount for. */
    public interface Scanned {
    }

    public record OrderView(String id, String merchant, String mchId, String body, long amount, String currency,
            TradeType tradeType, TradeState state, Instant payableUntil, String transactionId, Instant paidAt)
            implements IdempotentRequests.Identified, Scanned {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    Ledger ledger;

    @Inject
    Wallets wallets;

    @Inject
    Followers followers;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    PayNotifications notifications;

    @Inject
    StaticCodes staticCodes;

    @Resource
    SessionContext context;

    /** The order behind a scanned code or a JSAPI prepay_id, as the person would confirm it, or a static code. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Scanned find(long personId, String codeUrl, String prepayId) {
        Optional<Long> id;
        if (codeUrl != null && !codeUrl.isBlank()) {
            String token = token(codeUrl);
            Optional<StaticCodes.StaticCodeView> staticCode = staticCodes.find(token);
            if (staticCode.isPresent()) {
                return staticCode.get();
            }
            id = token.isEmpty() ? Optional.empty() : em.createNamedQuery(MerchantOrder.ID_BY_CODE, Long.class)
                    .setParameter("code", token).getResultStream().findFirst();
        } else {
            id = prepayId == null || prepayId.isBlank() ? Optional.empty()
                    : em.createNamedQuery(MerchantOrder.ID_BY_PREPAY_ID, Long.class)
                            .setParameter("id", prepayId.strip()).getResultStream().findFirst();
        }
        MerchantOrder order = em.find(MerchantOrder.class, id.orElseThrow(OrderPayments::unknown));
        requireMayPay(order, personId);
        if (!order.isPaid() || !Long.valueOf(personId).equals(order.payerId())) {
            requirePayable(order);
        }
        return view(order);
    }

    /** The order a typed amount makes of a scanned static code, to pay as any other. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OrderView orderOfStaticCode(String codeUrl, Long amount, String note) {
        long id = staticCodes.order(token(codeUrl), amount, note);
        return view(em.find(MerchantOrder.class, id));
    }

    private static String token(String codeUrl) {
        String url = codeUrl == null ? "" : codeUrl.strip();
        return url.startsWith(MerchantOrders.CODE_URL_PREFIX) ? url.substring(MerchantOrders.CODE_URL_PREFIX.length())
                : "";
    }

    /** {@link #pay(long, String, String)} once per idempotency key (200). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IdempotentRequests.Outcome pay(long personId, String key, String orderId, String pin) {
        return idempotent.once(personId, key, IdempotentRequests.fingerprint("merchant-order-pay", orderId), 200,
                () -> context.getBusinessObject(OrderPayments.class).pay(personId, orderId, pin));
    }

    /** The work of a payment, in the caller's transaction (an idempotent request's). */
    public OrderView pay(long personId, String orderId, String pin) {
        long id = context.getBusinessObject(OrderPayments.class).idOf(orderId).orElseThrow(OrderPayments::unknown);
        MerchantOrder order = em.find(MerchantOrder.class, id, LockModeType.PESSIMISTIC_WRITE);
        requireMayPay(order, personId);
        requirePayable(order);
        Merchant merchant = em.find(Merchant.class, order.merchantId());
        if (merchant.isSuspended()) {
            throw new BusinessException(MerchantError.MERCHANT_SUSPENDED);
        }
        Wallet wallet = wallets.requirePassword(personId, pin);
        Posting posting = ledger.post(PostingKind.MERCHANT_PAYMENT, order.publicId(),
                Ledger.leg(wallet.accountId(), -order.totalFee()),
                Ledger.leg(merchant.ledgerAccountId(), order.totalFee()));
        String openid = followers.findOfPerson(personId, new AccountId(merchant.accountId())).map(Follower::openid)
                .orElse(null);
        Instant now = posting.postedAt();
        order.paid(personId, openid, transactionId(now), posting.id(), now);
        if (!order.notifyUrl().isEmpty()) {
            // Micropay orders have no notify_url: the merchant learns of them by orderquery, as from WeChat.
            notifications.record(order);
        }
        return view(order);
    }

    public OrderView get(long personId, String orderId) {
        MerchantOrder order = em.find(MerchantOrder.class, context.getBusinessObject(OrderPayments.class)
                .idOf(orderId).orElseThrow(OrderPayments::unknown));
        boolean payer = Long.valueOf(personId).equals(order.payerId());
        if (!payer) {
            requireMayPay(order, personId);
        }
        return view(order);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Long> idOf(String orderId) {
        if (!Ids.isPublicId(MerchantOrder.ID_PREFIX, orderId)) {
            return Optional.empty();
        }
        return em.createNamedQuery(MerchantOrder.ID_BY_PUBLIC_ID, Long.class).setParameter("id", orderId)
                .getResultStream().findFirst();
    }

    /** Micropay orders waiting for this person's payment password, newest first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<OrderView> pending(long personId) {
        return em.createNamedQuery(MerchantOrder.WAITING_FOR, MerchantOrder.class).setParameter("payer", personId)
                .setParameter("userPaying", TradeState.USERPAYING).setParameter("now", clock.instant())
                .getResultStream().map(this::view).toList();
    }

    /**
     * A JSAPI order is the named follower's alone, a micropay waiting for a password its payer's alone; to anybody
     * else they do not exist.
     */
    private void requireMayPay(MerchantOrder order, long personId) {
        if (order.tradeType() == TradeType.MICROPAY) {
            if (order.state() != TradeState.USERPAYING || !Long.valueOf(personId).equals(order.payerId())) {
                throw unknown();
            }
            return;
        }
        if (order.tradeType() != TradeType.JSAPI) {
            return;
        }
        Merchant merchant = em.find(Merchant.class, order.merchantId());
        boolean named = followers.findOfAccount(new AccountId(merchant.accountId()), order.openid())
                .filter(f -> f.personId() == personId).isPresent();
        if (!named) {
            throw unknown();
        }
    }

    private void requirePayable(MerchantOrder order) {
        if (order.isPaid()) {
            throw new BusinessException(MerchantError.ORDER_PAID);
        }
        if (order.state() == TradeState.CLOSED || order.state() == TradeState.REVOKED) {
            throw new BusinessException(MerchantError.ORDER_CLOSED);
        }
        if (!order.isPayableAt(clock.instant())) {
            throw new BusinessException(MerchantError.ORDER_EXPIRED, "this order could be paid until "
                    + order.payableUntil() + "; ask the merchant for a new one");
        }
    }

    /** 28 digits like WeChat's: 4200, the Beijing date, 16 random digits. */
    private String transactionId(Instant now) {
        return "4200" + PayTime.format(now).substring(0, 8) + ids.digits(16);
    }

    private OrderView view(MerchantOrder order) {
        Merchant merchant = em.find(Merchant.class, order.merchantId());
        OfficialAccount account = em.find(OfficialAccount.class, merchant.accountId());
        return new OrderView(order.publicId(), account.name(), merchant.mchId(), order.body(), order.totalFee(), "CNY",
                order.tradeType(), order.state(), order.payableUntil(), order.transactionId(), order.paidAt());
    }

    private static BusinessException unknown() {
        return new BusinessException(MerchantError.ORDER_UNKNOWN);
    }
}
