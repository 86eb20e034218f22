package org.oaplatform.merchants.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.oaplatform.merchants.control.MerchantError;
import org.oaplatform.merchants.control.UnifiedOrder;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.TradeType;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.webhooks.control.WebhookSettings;

/**
 * A merchant's static code (WeChat's 收款码, which has no merchant API): one code_url that never expires, printed at
 * the till; the payer scans it, types the amount, and the platform places a NATIVE order for the merchant under an
 * out_trade_no of its own ({@code static_…}), which the payer then pays like any order. The merchant hears of it at
 * the notify URL it gave the static code, if any, and sees it in orderquery, the bill and settlements.
 */
@Stateless
public class StaticCodes {

    public record StaticCode(String codeUrl, String notifyUrl) {
    }

    /** What a scanned static code shows the payer: whom they pay; the amount is theirs to type. */
    public record StaticCodeView(String merchant, String mchId, String codeUrl, boolean amountRequired)
            implements OrderPayments.Scanned {
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

    /** The merchant's static code, made on first use; the owner may name (or clear) where its orders are notified. */
    public StaticCode issue(long ownerId, String appid, String notifyUrl) {
        Merchant merchant = merchants.require(ownerId, appid, MemberRole.OWNER);
        String checked = null;
        if (notifyUrl != null && !notifyUrl.isBlank()) {
            try {
                checked = UnifiedOrder.notifyUrl(notifyUrl.strip(), outbound.policy()).toString();
            } catch (BusinessException refused) {
                throw new BusinessException(MerchantError.NOTIFY_URL_INVALID, refused.getMessage());
            }
        }
        em.lock(merchant, LockModeType.PESSIMISTIC_WRITE);
        merchant.staticCode(ids.token(12), checked);
        return new StaticCode(MerchantOrders.CODE_URL_PREFIX + merchant.staticCodeToken(), checked);
    }

    /** The static code behind a scanned token, if it is one. */
    public Optional<StaticCodeView> find(String token) {
        return merchant(token).map(m -> new StaticCodeView(em.find(OfficialAccount.class, m.accountId()).name(),
                m.mchId(), MerchantOrders.CODE_URL_PREFIX + token, true));
    }

    /** The order a payer's typed amount makes of a static code; the payer pays it as any NATIVE order. */
    public long order(String token, Long amount, String note) {
        Merchant merchant = merchant(token).orElseThrow(() -> new BusinessException(MerchantError.ORDER_UNKNOWN));
        if (amount == null || amount <= 0 || amount > UnifiedOrder.MAX_TOTAL_FEE) {
            throw new BusinessException(PaymentError.AMOUNT_INVALID, "the amount must be whole fen, from 1 to "
                    + UnifiedOrder.MAX_TOTAL_FEE);
        }
        String attach = note == null || note.isBlank() ? null : note.strip();
        if (attach != null && attach.length() > 127) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "the note is longer than 127 characters");
        }
        Instant now = clock.instant();
        String outTradeNo = "static_" + ids.hex(10);
        MerchantOrder.Terms terms = new MerchantOrder.Terms(outTradeNo, TradeType.NATIVE, "收款 (static code)", attach,
                amount, "static-code", null, null, merchant.staticNotifyUrl(), "0.0.0.0", "MD5",
                Hashing.sha256Hex("static\u001f" + outTradeNo), null);
        MerchantOrder order = new MerchantOrder(rowIds.next(), ids.publicId(MerchantOrder.ID_PREFIX), merchant.id(),
                terms, orders.prepayId(now), null, now.plus(UnifiedOrder.PREPAY_VALIDITY), now);
        em.persist(order);
        return order.id();
    }

    private Optional<Merchant> merchant(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Merchant.BY_STATIC_CODE, Merchant.class).setParameter("token", token)
                .getResultStream().findFirst();
    }
}
