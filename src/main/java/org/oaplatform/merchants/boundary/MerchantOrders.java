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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.merchants.control.PayError;
import org.oaplatform.merchants.control.PayTime;
import org.oaplatform.merchants.control.UnifiedOrder;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.TradeState;
import org.oaplatform.merchants.entity.TradeType;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.webhooks.control.WebhookSettings;

/**
 * What a merchant does with its orders through {@code /pay}: place one (idempotent by its own out_trade_no: the same
 * order again gets the same prepay_id, another order under that number OUT_TRADE_NO_USED), query one, close one.
 * Every answer is a map of WeChat Pay fields that {@link PayCaller} signs.
 */
@Stateless
public class MerchantOrders {

    public static final String CODE_URL_PREFIX = "weixin://wxpay/bizpayurl?pr=";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    WebhookSettings outbound;

    @Inject
    Followers followers;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, String> unifiedOrder(PayCaller.Admitted merchant, Map<String, String> fields) {
        UnifiedOrder request = UnifiedOrder.of(fields, outbound.policy(), clock.instant());
        if (request.tradeType() == TradeType.JSAPI && followers.findOfAccount(new AccountId(merchant.accountId()),
                request.openid()).isEmpty()) {
            throw UnifiedOrder.invalid("openid is not a follower of appid " + merchant.appid());
        }
        MerchantOrders self = context.getBusinessObject(MerchantOrders.class);
        Optional<Long> existing = self.idOf(merchant.merchantId(), request.outTradeNo());
        MerchantOrder order;
        if (existing.isPresent()) {
            order = self.placeAgain(existing.get(), request);
        } else {
            try {
                order = self.place(merchant, request);
            } catch (RuntimeException lostTheRace) {
                // Another request placed this out_trade_no first (the unique key refused ours): answer as to a repeat.
                long first = self.idOf(merchant.merchantId(), request.outTradeNo()).orElseThrow(() -> lostTheRace);
                order = self.placeAgain(first, request);
            }
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("device_info", order.deviceInfo());
        answer.put("trade_type", order.tradeType().name());
        // WxJava's createOrder(NATIVE) insists on a prepay_id beside the code_url (spec §2.8).
        answer.put("prepay_id", order.prepayId());
        if (order.tradeType() == TradeType.NATIVE) {
            answer.put("code_url", CODE_URL_PREFIX + order.codeToken());
        }
        return answer;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MerchantOrder place(PayCaller.Admitted merchant, UnifiedOrder request) {
        Instant now = clock.instant();
        MerchantOrder order = new MerchantOrder(rowIds.next(), ids.publicId(MerchantOrder.ID_PREFIX),
                merchant.merchantId(), terms(request, merchant), prepayId(now), codeToken(request.tradeType()),
                request.payableUntil(now), now);
        em.persist(order);
        em.flush();
        return order;
    }

    /** The same out_trade_no again: the same answer while it is payable, a fresh prepay_id after two hours. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MerchantOrder placeAgain(long orderId, UnifiedOrder request) {
        MerchantOrder order = em.find(MerchantOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(order);
        if (!order.fingerprint().equals(request.fingerprint())) {
            throw new BusinessException(PayError.OUT_TRADE_NO_USED);
        }
        Instant now = clock.instant();
        if (!order.isPayableAt(now)) {
            // Its time may be over before the timer that closes it came (UnpaidOrders).
            if (order.isOverAt(now)) {
                throw new BusinessException(PayError.ORDERCLOSED, order.timeExpire() != null
                        ? "the order expired at its time_expire"
                        : "an unpaid order ends " + MerchantOrder.UNPAID_LIFETIME.toDays()
                                + " days after it was placed");
            }
            order.reissue(prepayId(now), codeToken(order.tradeType()), request.payableUntil(now));
        }
        return order;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, String> query(PayCaller.Admitted merchant, Map<String, String> fields) {
        MerchantOrder order = find(merchant, fields).orElseThrow(() -> new BusinessException(PayError.ORDERNOTEXIST));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("device_info", order.deviceInfo());
        answer.put("out_trade_no", order.outTradeNo());
        answer.put("trade_type", order.tradeType().name());
        answer.put("trade_state", order.state().name());
        answer.put("trade_state_desc", switch (order.state()) {
            case NOTPAY -> "订单未支付";
            case SUCCESS -> "支付成功";
            case CLOSED -> "已关闭";
            case REFUND -> "转入退款";
            case USERPAYING -> "需要用户输入支付密码";
            case REVOKED -> "已撤销";
        });
        answer.put("total_fee", Long.toString(order.totalFee()));
        answer.put("fee_type", "CNY");
        answer.put("attach", order.attach());
        if (order.isPaid()) {
            answer.putAll(paidFields(order, merchant.accountId()));
        }
        return answer;
    }

    /** The fields that describe a payment, in orderquery's answer and in the notification alike. */
    public Map<String, String> paidFields(MerchantOrder order, long accountId) {
        Map<String, String> paid = new LinkedHashMap<>();
        paid.put("openid", order.payerOpenid());
        paid.put("is_subscribe", followers.following(order.payerId(), new AccountId(accountId)).isPresent() ? "Y"
                : "N");
        paid.put("bank_type", "OTHERS");
        paid.put("cash_fee", Long.toString(order.totalFee()));
        paid.put("transaction_id", order.transactionId());
        paid.put("time_end", PayTime.format(order.paidAt()));
        return paid;
    }

    public Map<String, String> close(PayCaller.Admitted merchant, Map<String, String> fields) {
        String outTradeNo = UnifiedOrder.required(fields, "out_trade_no");
        long id = context.getBusinessObject(MerchantOrders.class).idOf(merchant.merchantId(), outTradeNo)
                .orElseThrow(() -> new BusinessException(PayError.ORDERNOTEXIST));
        MerchantOrder order = em.find(MerchantOrder.class, id, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(order);
        Instant now = clock.instant();
        if (!order.isClosableAt(now)) {
            throw new BusinessException(PayError.INVALID_REQUEST, "订单创建" + MerchantOrder.CLOSABLE_AFTER.toMinutes()
                    + "分钟后才能关闭 (an order can be closed 5 minutes after it was placed, at "
                    + PayTime.format(order.createdAt().plus(MerchantOrder.CLOSABLE_AFTER)) + ")");
        }
        order.close(now);
        return Map.of("result_msg", "OK");
    }

    /** Looked up outside the caller's transaction, then locked by key (see {@code Transfers.idOf}). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Long> idOf(long merchantId, String outTradeNo) {
        return em.createNamedQuery(MerchantOrder.BY_OUT_TRADE_NO, MerchantOrder.class)
                .setParameter("merchantId", merchantId).setParameter("outTradeNo", outTradeNo).getResultStream()
                .findFirst().map(MerchantOrder::id);
    }

    /** A merchant's order by {@code transaction_id} if given, else by {@code out_trade_no} (LACK_PARAMS if neither). */
    public Optional<MerchantOrder> find(PayCaller.Admitted merchant, Map<String, String> fields) {
        String transactionId = fields.get("transaction_id");
        String outTradeNo = fields.get("out_trade_no");
        if ((transactionId == null || transactionId.isEmpty()) && (outTradeNo == null || outTradeNo.isEmpty())) {
            throw UnifiedOrder.lacking("out_trade_no or transaction_id");
        }
        return find(merchant.merchantId(), transactionId, outTradeNo);
    }

    /** The same for callers that name the merchant by its id (the client API). */
    public Optional<MerchantOrder> find(long merchantId, String transactionId, String outTradeNo) {
        if (transactionId != null && !transactionId.isEmpty()) {
            return em.createNamedQuery(MerchantOrder.BY_TRANSACTION_ID, MerchantOrder.class)
                    .setParameter("merchantId", merchantId).setParameter("transactionId", transactionId)
                    .getResultStream().findFirst();
        }
        if (outTradeNo == null || outTradeNo.isEmpty()) {
            return Optional.empty();
        }
        return em.createNamedQuery(MerchantOrder.BY_OUT_TRADE_NO, MerchantOrder.class)
                .setParameter("merchantId", merchantId).setParameter("outTradeNo", outTradeNo)
                .getResultStream().findFirst();
    }

    private static void requireOpen(MerchantOrder order) {
        if (order.isPaid()) {
            throw new BusinessException(PayError.ORDERPAID);
        }
        if (order.state() == TradeState.CLOSED) {
            throw new BusinessException(PayError.ORDERCLOSED);
        }
    }

    private static MerchantOrder.Terms terms(UnifiedOrder r, PayCaller.Admitted merchant) {
        return new MerchantOrder.Terms(r.outTradeNo(), r.tradeType(), r.body(), r.attach(), r.totalFee(),
                r.productId(), r.openid(), r.deviceInfo(), r.notifyUrl().toString(), r.clientIp(),
                merchant.signType().wire(), r.fingerprint(), r.timeExpire());
    }

    /** Like WeChat's: {@code wx}, the time, then 80 random bits. */
    public String prepayId(Instant now) {
        return "wx" + PayTime.format(now) + ids.hex(10);
    }

    private String codeToken(TradeType type) {
        return type == TradeType.NATIVE ? ids.token(12) : null;
    }
}
