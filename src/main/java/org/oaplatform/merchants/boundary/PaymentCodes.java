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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.merchants.control.PayError;
import org.oaplatform.merchants.control.PayTime;
import org.oaplatform.merchants.control.UnifiedOrder;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.PaymentCode;
import org.oaplatform.merchants.entity.TradeType;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.payments.boundary.Ledger;
import org.oaplatform.payments.boundary.Wallets;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.Wallet;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;

/**
 * Payment codes and /pay/micropay. A person asks for a code (18 digits, prefix 13, 60 seconds, one use) and shows
 * it; the merchant's micropay places the order and pays it from the payer's balance in one transaction, locking the
 * code row first, then the new order, then the ledger accounts: the code is used, the order paid and the money moved,
 * or none of it. Above the no-PIN limit nothing is posted: the order waits USERPAYING for the payer's password
 * (client API, {@link OrderPayments}) and the merchant polls orderquery. Idempotent by out_trade_no: the same request
 * again answers the paid order.
 */
@Stateless
public class PaymentCodes {

    public record IssuedCode(String code, Instant expiresAt) {
    }

    static final Pattern CODE = Pattern.compile("13[0-9]{16}");
    /** How long a USERPAYING order waits for the payer: WeChat revokes after 45 seconds (spec §1.7). */
    public static final Duration PIN_WAIT = Duration.ofSeconds(45);
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9A-Za-z_\\-|*]{6,32}");
    private static final Pattern WHOLE_FEN = Pattern.compile("[0-9]{1,18}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Ledger ledger;

    @Inject
    Wallets wallets;

    @Inject
    Followers followers;

    @Inject
    MerchantOrders orders;

    /** Above this many fen the payer confirms a micropay with the payment password (WeChat's 小额免密 limit). */
    @Inject
    @ConfigProperty(name = "oa.merchant.micropay-no-pin-limit", defaultValue = "100000")
    long noPinLimit;

    @Resource
    SessionContext context;

    public IssuedCode issue(long personId) {
        String code = "13" + ids.digits(16);
        PaymentCode row = new PaymentCode(hash(code), personId, clock.instant());
        em.persist(row);
        return new IssuedCode(code, row.expiresAt());
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, String> micropay(PayCaller.Admitted merchant, Map<String, String> fields) {
        String outTradeNo = UnifiedOrder.required(fields, "out_trade_no");
        if (!OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            throw UnifiedOrder.invalid("out_trade_no must be 6 to 32 of 0-9 A-Z a-z _ - | *");
        }
        String body = UnifiedOrder.required(fields, "body");
        if (body.length() > 127) {
            throw UnifiedOrder.invalid("body is longer than 127 characters");
        }
        String fee = UnifiedOrder.required(fields, "total_fee");
        long totalFee = WHOLE_FEN.matcher(fee).matches() ? Long.parseLong(fee) : 0;
        if (totalFee <= 0 || totalFee > UnifiedOrder.MAX_TOTAL_FEE) {
            throw UnifiedOrder.invalid("total_fee must be a whole number of fen from 1 to " + UnifiedOrder.MAX_TOTAL_FEE);
        }
        String clientIp = UnifiedOrder.required(fields, "spbill_create_ip");
        if (clientIp.length() > 64) {
            throw UnifiedOrder.invalid("spbill_create_ip is not an IP address");
        }
        String authCode = UnifiedOrder.required(fields, "auth_code");
        String attach = fields.get("attach");
        if (attach != null && attach.length() > 127) {
            throw UnifiedOrder.invalid("attach is longer than 127 characters");
        }
        String device = fields.get("device_info");
        if (device != null && device.length() > 32) {
            throw UnifiedOrder.invalid("device_info is longer than 32 characters");
        }
        String fingerprint = Hashing.sha256Hex("micropay\u001f" + body + '\u001f' + attach + '\u001f' + totalFee
                + '\u001f' + authCode);
        MerchantOrder.Terms terms = new MerchantOrder.Terms(outTradeNo, TradeType.MICROPAY, body,
                attach == null || attach.isEmpty() ? null : attach, totalFee, null, null,
                device == null || device.isEmpty() ? null : device, "", clientIp, merchant.signType().wire(),
                fingerprint, null);
        PaymentCodes self = context.getBusinessObject(PaymentCodes.class);
        Optional<Long> existing = orders.idOf(merchant.merchantId(), outTradeNo);
        if (existing.isPresent()) {
            return self.repeat(existing.get(), fingerprint, merchant);
        }
        if (!CODE.matcher(authCode).matches()) {
            throw new BusinessException(PayError.AUTH_CODE_INVALID, "auth_code must be 18 digits starting 13");
        }
        Map<String, String> answer;
        try {
            answer = self.pay(merchant, terms, hash(authCode));
        } catch (BusinessException refused) {
            if (refused.code() == PaymentError.INSUFFICIENT_BALANCE) {
                throw new BusinessException(PayError.NOTENOUGH);
            }
            throw refused;
        } catch (RuntimeException lostTheRace) {
            // The same out_trade_no placed by a concurrent call first: the unique key refused ours.
            long first = orders.idOf(merchant.merchantId(), outTradeNo).orElseThrow(() -> lostTheRace);
            return self.repeat(first, fingerprint, merchant);
        }
        if (answer.isEmpty()) {
            // Committed as USERPAYING: the merchant is told so, as an error, and polls orderquery.
            throw userPaying();
        }
        return answer;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, String> pay(PayCaller.Admitted merchant, MerchantOrder.Terms terms, String codeHash) {
        long codeId = em.createNamedQuery(PaymentCode.ID_BY_HASH, Long.class).setParameter("hash", codeHash)
                .getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException(PayError.AUTH_CODE_INVALID));
        PaymentCode code = em.find(PaymentCode.class, codeId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (code.isUsed()) {
            throw new BusinessException(PayError.AUTH_CODE_INVALID, "this payment code was used");
        }
        if (code.isExpiredAt(now)) {
            throw new BusinessException(PayError.AUTHCODEEXPIRE);
        }
        MerchantOrder order = new MerchantOrder(rowIds.next(), ids.publicId(MerchantOrder.ID_PREFIX),
                merchant.merchantId(), terms, orders.prepayId(now), null, now, now);
        if (terms.totalFee() > noPinLimit) {
            // Too much to take without the payer's password: the code is spent on this order, which waits for it.
            order.awaitPin(code.personId(), now.plus(PIN_WAIT));
            em.persist(order);
            em.flush();
            code.used(order.id(), now);
            return Map.of();
        }
        em.persist(order);
        em.flush();
        Wallet wallet = wallets.open(code.personId());
        Posting posting = ledger.post(PostingKind.MERCHANT_PAYMENT, order.publicId(),
                Ledger.leg(wallet.accountId(), -order.totalFee()),
                Ledger.leg(merchant.ledgerAccountId(), order.totalFee()));
        String openid = followers.findOfPerson(code.personId(), new AccountId(merchant.accountId()))
                .map(Follower::openid).orElse(null);
        order.paid(code.personId(), openid, "4200" + PayTime.format(now).substring(0, 8) + ids.digits(16),
                posting.id(), posting.postedAt());
        code.used(order.id(), now);
        return answer(order, merchant);
    }

    /**
     * The same micropay again: the paid order's answer (USERPAYING while it waits for the payer, ORDERREVERSED once
     * reversed); another order under that out_trade_no is refused.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, String> repeat(long orderId, String fingerprint, PayCaller.Admitted merchant) {
        MerchantOrder order = em.find(MerchantOrder.class, orderId);
        if (order.tradeType() != TradeType.MICROPAY || !order.fingerprint().equals(fingerprint)) {
            throw new BusinessException(PayError.OUT_TRADE_NO_USED);
        }
        switch (order.state()) {
            case USERPAYING -> throw userPaying();
            case REVOKED -> throw new BusinessException(PayError.ORDERREVERSED);
            default -> {
                return answer(order, merchant);
            }
        }
    }

    private static BusinessException userPaying() {
        return new BusinessException(PayError.USERPAYING, PayError.USERPAYING.defaultMessage() + " (query the order"
                + " every few seconds; it is revoked if the payer has not confirmed within "
                + PIN_WAIT.toSeconds() + " seconds)");
    }

    private Map<String, String> answer(MerchantOrder order, PayCaller.Admitted merchant) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("device_info", order.deviceInfo());
        answer.put("trade_type", order.tradeType().name());
        answer.put("out_trade_no", order.outTradeNo());
        answer.put("total_fee", Long.toString(order.totalFee()));
        answer.put("fee_type", "CNY");
        answer.put("attach", order.attach());
        answer.putAll(orders.paidFields(order, merchant.accountId()));
        return answer;
    }

    static String hash(String code) {
        return Hashing.sha256Hex(code);
    }
}
