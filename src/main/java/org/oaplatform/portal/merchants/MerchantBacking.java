package org.oaplatform.portal.merchants;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.oaplatform.merchants.boundary.MerchantBills;
import org.oaplatform.merchants.boundary.MerchantCertificates;
import org.oaplatform.merchants.boundary.MerchantSettlements;
import org.oaplatform.merchants.boundary.Merchants;
import org.oaplatform.merchants.boundary.OwnerRefunds;
import org.oaplatform.merchants.boundary.StaticCodes;
import org.oaplatform.merchants.control.MerchantError;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.payments.boundary.BankCards;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.portal.Money;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * {@code portal/accounts/merchant.xhtml?appid=...}: the account's merchant (or the owner's application to become one),
 * its keys and certificate, its static code, refunds with the owner's payment password, the day's bill and the
 * settlements. Orders and notifications are {@link MerchantOrdersBacking}'s, on the same page. Every rule is the
 * boundary's; its refusals come back as messages.
 */
@Named
@ViewScoped
public class MerchantBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Merchants merchants;

    @Inject
    BankCards cards;

    @Inject
    OwnerRefunds refunds;

    @Inject
    MerchantSettlements settlements;

    @Inject
    MerchantCertificates certificates;

    @Inject
    StaticCodes staticCodes;

    @Inject
    MerchantBills bills;

    @Inject
    PortalUser user;

    /** The same view's orders and notifications, loaded once the merchant is known to exist. */
    @Inject
    MerchantOrdersBacking orders;

    private String appid;
    private String accountName;
    private Merchants.MerchantView merchant;
    private List<BankCards.CardView> ownCards = List.of();
    private String cardId;
    private String newApiKey;
    private String staticCodeUrl;
    private String staticNotifyUrl;
    private List<MerchantSettlements.SettlementView> settled = List.of();
    private String refundOutTradeNo;
    private Long refundAmount;
    private String refundReason;
    private String refundPin;
    /** One refund per form: a resubmitted form is the same refund, as an Idempotency-Key makes it on the API. */
    private String refundKey = UUID.randomUUID().toString();
    private LocalDate billDay = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        accountName = accounts.requireMember(user.id(), appid).account().name();
        show();
        if (merchant != null) {
            orders.load(appid);
        }
    }

    private void show() {
        try {
            merchant = merchants.view(user.id(), appid);
            settled = settlements.ofMerchant(user.id(), appid, 30);
            ownCards = cards.list(user.id());
        } catch (BusinessException notYet) {
            if (notYet.code() != MerchantError.MERCHANT_UNKNOWN) {
                throw notYet;
            }
            merchant = null;
            ownCards = cards.list(user.id());
        }
    }

    public void apply() {
        Merchants.Enrolled enrolled = merchants.enrol(user.id(), appid, cardId);
        newApiKey = enrolled.apiKey();
        PortalMessages.info("merchant.applied", enrolled.mchId());
        show();
        orders.load(appid);
    }

    public void changeSettlementCard() {
        merchant = merchants.changeSettlementCard(user.id(), appid, cardId);
        PortalMessages.info("merchant.card.changed", merchant.settlementCard());
    }

    public void resetApiKey() {
        newApiKey = merchants.resetApiKey(user.id(), appid).apiKey();
        PortalMessages.info("merchant.key.reset.done");
        show();
    }

    public StreamedContent getCertificate() {
        MerchantCertificates.Download download = certificates.issue(user.id(), appid);
        return DefaultStreamedContent.builder().name(download.fileName()).contentType("application/x-pkcs12")
                .stream(() -> new ByteArrayInputStream(download.p12())).build();
    }

    public void makeStaticCode() {
        StaticCodes.StaticCode code = staticCodes.issue(user.id(), appid, staticNotifyUrl);
        staticCodeUrl = code.codeUrl();
        PortalMessages.info("merchant.staticCode.made");
    }

    public void refund() {
        OwnerRefunds.RefundView refund = refunds.refund(user.id(), appid, refundKey, refundOutTradeNo,
                refundAmount == null ? 0 : refundAmount, refundReason, refundPin);
        PortalMessages.info("merchant.refund.accepted", Money.yuan(refund.amount()), refund.outTradeNo(),
                refund.refundId());
        refundKey = UUID.randomUUID().toString();
        refundOutTradeNo = null;
        refundAmount = null;
        refundReason = null;
        refundPin = null;
        show();
        orders.refresh();
    }

    public StreamedContent getBill() {
        Optional<String> bill = bills.billOf(user.id(), appid, billDay);
        if (bill.isEmpty()) {
            PortalMessages.error("merchant.bill.none", billDay.toString());
            return null;
        }
        byte[] bytes = bill.get().getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("bill-" + billDay + ".csv").contentType("text/csv")
                .stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    public boolean isLoaded() {
        return accountName != null;
    }

    public boolean isMerchant() {
        return merchant != null;
    }

    public String getAccountName() {
        return accountName;
    }

    public Merchants.MerchantView getDetails() {
        return merchant;
    }

    public List<BankCards.CardView> getOwnCards() {
        return ownCards;
    }

    public List<MerchantSettlements.SettlementView> getSettled() {
        return settled;
    }

    public String getNewApiKey() {
        return newApiKey;
    }

    public String getStaticCodeUrl() {
        return staticCodeUrl;
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }

    public String getCardId() {
        return cardId;
    }

    public void setCardId(String cardId) {
        this.cardId = cardId;
    }

    public String getStaticNotifyUrl() {
        return staticNotifyUrl;
    }

    public void setStaticNotifyUrl(String staticNotifyUrl) {
        this.staticNotifyUrl = staticNotifyUrl;
    }

    public String getRefundOutTradeNo() {
        return refundOutTradeNo;
    }

    public void setRefundOutTradeNo(String refundOutTradeNo) {
        this.refundOutTradeNo = refundOutTradeNo;
    }

    public Long getRefundAmount() {
        return refundAmount;
    }

    public void setRefundAmount(Long refundAmount) {
        this.refundAmount = refundAmount;
    }

    public String getRefundReason() {
        return refundReason;
    }

    public void setRefundReason(String refundReason) {
        this.refundReason = refundReason;
    }

    public String getRefundPin() {
        return refundPin;
    }

    public void setRefundPin(String refundPin) {
        this.refundPin = refundPin;
    }

    public LocalDate getBillDay() {
        return billDay;
    }

    public void setBillDay(LocalDate billDay) {
        this.billDay = billDay;
    }
}
