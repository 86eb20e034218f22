package org.oaplatform.merchants.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oaplatform.merchants.control.PayTime;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.TradeState;
import org.oaplatform.officialaccounts.entity.MemberRole;

/**
 * A merchant's orders for its owner and admins (the portal), newest first and paged by key: by out_trade_no, by
 * state, by the Beijing day they were placed, or all.
 */
@Stateless
public class MerchantOrderBook {

    public record Row(long key, String outTradeNo, String tradeType, String body, long amount, TradeState state,
            long refunded, Instant createdAt, Instant paidAt, String transactionId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Merchants merchants;

    /** Up to {@code limit} orders older than the one with key {@code before} ({@code null}: the newest). */
    public List<Row> page(long personId, String appid, String outTradeNo, TradeState state, LocalDate day,
            Long before, int limit) {
        Merchant merchant = merchants.require(personId, appid, MemberRole.OWNER, MemberRole.ADMIN);
        StringBuilder jpql = new StringBuilder("SELECT o FROM MerchantOrder o WHERE o.merchantId = :merchantId");
        boolean byNumber = outTradeNo != null && !outTradeNo.isBlank();
        if (byNumber) {
            jpql.append(" AND o.outTradeNo = :outTradeNo");
        }
        if (state != null) {
            jpql.append(" AND o.state = :state");
        }
        if (day != null) {
            jpql.append(" AND o.createdAt >= :from AND o.createdAt < :to");
        }
        if (before != null) {
            jpql.append(" AND o.id < :before");
        }
        TypedQuery<MerchantOrder> query = em.createQuery(jpql.append(" ORDER BY o.id DESC").toString(),
                MerchantOrder.class).setParameter("merchantId", merchant.id());
        if (byNumber) {
            query.setParameter("outTradeNo", outTradeNo.strip());
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        if (day != null) {
            query.setParameter("from", PayTime.startOf(day)).setParameter("to", PayTime.startOf(day.plusDays(1)));
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        return query.setMaxResults(Math.max(1, Math.min(limit, 100))).getResultStream()
                .map(o -> new Row(o.id(), o.outTradeNo(), o.tradeType().name(), o.body(), o.totalFee(), o.state(),
                        o.refundedFee(), o.createdAt(), o.paidAt(), o.transactionId()))
                .toList();
    }
}
