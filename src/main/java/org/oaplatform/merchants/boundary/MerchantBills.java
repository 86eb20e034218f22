package org.oaplatform.merchants.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oaplatform.merchants.control.Bill;
import org.oaplatform.merchants.control.FeeRate;
import org.oaplatform.merchants.control.PayTime;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.MerchantRefund;
import org.oaplatform.officialaccounts.entity.MemberRole;

/**
 * {@code /pay/downloadbill}: the merchant's payments and refunds of one Beijing day as WeChat's text bill, plain or
 * GZIP. Unlike WeChat, which publishes a day's bill the next morning, the current day's bill is served as it stands
 * (a test server's users want the bill of what they just did); a day with nothing in it is WeChat's
 * {@code No Bill Exist}. The lines are read in one transaction, so the bill is one consistent snapshot.
 */
@Stateless
public class MerchantBills {

    private static final DateTimeFormatter BILL_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Merchants merchants;

    @Inject
    @ConfigProperty(name = "oa.merchant.fee-rate", defaultValue = "0.006")
    String feeRate;

    public Response download(PayCaller.Admitted merchant, Map<String, String> fields) {
        Optional<LocalDate> day = day(fields.get("bill_date"));
        if (day.isEmpty()) {
            return failure("invalid bill_date", 20001);
        }
        if (day.get().isAfter(PayTime.today(clock.instant()))) {
            return failure("invalid bill_date", 20001);
        }
        String typeText = fields.get("bill_type");
        Optional<Bill.Type> type = typeText == null || typeText.isEmpty() ? Optional.of(Bill.Type.ALL)
                : Bill.Type.ofWire(typeText);
        if (type.isEmpty()) {
            return failure("invalid bill_type", 20001);
        }
        String tarType = fields.get("tar_type");
        boolean gzip = "GZIP".equals(tarType);
        if (!gzip && tarType != null && !tarType.isEmpty()) {
            return failure("invalid tar_type", 20001);
        }
        Optional<String> written = bill(merchant.merchantId(), merchant.appid(), merchant.mchId(), day.get(),
                type.get());
        if (written.isEmpty()) {
            return failure("No Bill Exist", 20002);
        }
        String bill = written.get();
        if (gzip) {
            return Response.ok(Bill.gzip(bill), "application/x-gzip").build();
        }
        return Response.ok(bill, "text/plain;charset=utf-8").build();
    }

    /** The day's ALL bill for the merchant's owner or admins (the portal's download); empty for a day without one. */
    public Optional<String> billOf(long personId, String appid, LocalDate day) {
        Merchant merchant = merchants.require(personId, appid, MemberRole.OWNER, MemberRole.ADMIN);
        return bill(merchant.id(), appid, merchant.mchId(), day, Bill.Type.ALL);
    }

    private Optional<String> bill(long merchantId, String appid, String mchId, LocalDate day, Bill.Type type) {
        Instant from = PayTime.startOf(day);
        Instant to = PayTime.startOf(day.plusDays(1));
        List<Bill.Line> lines = new ArrayList<>();
        if (type != Bill.Type.REFUND) {
            em.createNamedQuery(MerchantOrder.PAID_BETWEEN, MerchantOrder.class)
                    .setParameter("merchantId", merchantId).setParameter("from", from)
                    .setParameter("to", to).getResultStream()
                    .forEach(order -> lines.add(new Bill.Line(order(order, appid, mchId), null)));
        }
        if (type != Bill.Type.SUCCESS) {
            em.createNamedQuery(MerchantRefund.WITH_ORDER_BETWEEN, Object[].class)
                    .setParameter("merchantId", merchantId).setParameter("from", from)
                    .setParameter("to", to).getResultStream()
                    .forEach(row -> lines.add(new Bill.Line(order((MerchantOrder) row[1], appid, mchId),
                            refund((MerchantRefund) row[0]))));
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        lines.sort(Comparator.comparing(Bill.Line::time));
        return Optional.of(Bill.write(type, lines, FeeRate.of(feeRate)));
    }

    private static Bill.Order order(MerchantOrder order, String appid, String mchId) {
        return new Bill.Order(order.paidAt(), appid, mchId, order.deviceInfo(),
                order.transactionId(), order.outTradeNo(), order.payerOpenid(), order.tradeType().name(),
                order.totalFee(), order.body(), order.attach());
    }

    private static Bill.Refund refund(MerchantRefund refund) {
        return new Bill.Refund(refund.createdAt(), refund.succeededAt(), refund.refundId(), refund.outRefundNo(),
                refund.refundFee(), refund.state().name());
    }

    private static Optional<LocalDate> day(String text) {
        if (text == null || text.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, BILL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Response failure(String message, int code) {
        return Response.ok(Bill.failure(message, code), PayErrorMapper.XML).build();
    }
}
