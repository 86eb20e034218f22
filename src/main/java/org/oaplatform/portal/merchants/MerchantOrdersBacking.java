package org.oaplatform.portal.merchants;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.oaplatform.merchants.boundary.MerchantOrderBook;
import org.oaplatform.merchants.boundary.NotificationLog;
import org.oaplatform.merchants.entity.TradeState;
import org.oaplatform.portal.KeysetPages;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * The orders and the notification log of {@code portal/accounts/merchant.xhtml}: orders searched by out_trade_no,
 * state and day, paged by key; notifications newest first, each with "send again".
 */
@Named
@ViewScoped
public class MerchantOrdersBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 20;

    @Inject
    MerchantOrderBook book;

    @Inject
    NotificationLog log;

    @Inject
    PortalUser user;

    private String appid;
    private String outTradeNo;
    private TradeState state;
    private LocalDate day;
    private final KeysetPages<Long> pages = new KeysetPages<>();
    private List<MerchantOrderBook.Row> orders = List.of();
    private List<NotificationLog.Entry> notifications = List.of();

    /** Called by {@link MerchantBacking} once the merchant is known to exist. */
    public void load(String forAppid) {
        this.appid = forAppid;
        pages.restart();
        read();
        notifications = log.page(user.id(), appid, null, PAGE);
    }

    /** The same page again, after something on it changed (a refund). */
    public void refresh() {
        read();
        notifications = log.page(user.id(), appid, null, PAGE);
    }

    public void search() {
        pages.restart();
        read();
    }

    public void next() {
        if (pages.forward()) {
            read();
        }
    }

    public void previous() {
        if (pages.back()) {
            read();
        }
    }

    public void replay(NotificationLog.Entry entry) {
        if (log.replay(user.id(), appid, entry.id())) {
            PortalMessages.info("merchant.notification.replayed", entry.outTradeNo());
        } else {
            PortalMessages.info("merchant.notification.inFlight", entry.outTradeNo());
        }
        notifications = log.page(user.id(), appid, null, PAGE);
    }

    private void read() {
        List<MerchantOrderBook.Row> rows = book.page(user.id(), appid, outTradeNo, state, day, pages.start(),
                PAGE + 1);
        pages.nextStartsAt(rows.size() > PAGE ? rows.get(PAGE - 1).key() : null);
        orders = rows.size() > PAGE ? rows.subList(0, PAGE) : rows;
    }

    public List<MerchantOrderBook.Row> getOrders() {
        return orders;
    }

    public List<NotificationLog.Entry> getNotifications() {
        return notifications;
    }

    public TradeState[] getStates() {
        return TradeState.values();
    }

    public KeysetPages<Long> getPages() {
        return pages;
    }

    public String getOutTradeNo() {
        return outTradeNo;
    }

    public void setOutTradeNo(String outTradeNo) {
        this.outTradeNo = outTradeNo;
    }

    public TradeState getState() {
        return state;
    }

    public void setState(TradeState state) {
        this.state = state;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }
}
