package org.oaplatform.portal.accounts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;
import org.oaplatform.webhooks.boundary.DeliveryLog;
import org.oaplatform.webhooks.entity.DeliveryAttempt;
import org.oaplatform.webhooks.entity.PushState;

/**
 * {@code portal/accounts/deliveries.xhtml?appid=...}: the delivery log of an account, newest attempt first, in keyset
 * pages of {@link #PAGE} ({@code DeliveryLog.page}, as {@code GET …/deliveries}), each attempt expandable to its
 * request and reply (masked by the boundary), and a replay per attempt ({@code DeliveryLog.replay}). Every member may
 * read and replay.
 */
@Named
@ViewScoped
public class DeliveriesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int PAGE = 20;

    /** One attempt as the table shows it; {@code msgId} as text, like the API (64-bit ids). */
    public record Row(String id, int attempt, OffsetDateTime attemptedAt, String event, String msgId,
            DeliveryAttempt.Outcome outcome, Integer httpStatus, long latencyMs, String error, String requestUrl,
            String requestBody, String replyBody, PushState pushState) implements Serializable {

        static Row of(DeliveryLog.Entry entry) {
            DeliveryAttempt a = entry.attempt();
            return new Row(a.publicId(), a.attempt(), a.attemptedAt().atOffset(ZoneOffset.UTC), a.kind(),
                    entry.msgId() == null ? null : Long.toString(entry.msgId()), a.outcome(), a.httpStatus(),
                    a.latencyMs(), a.error(), a.requestUrl(), a.requestBody(), a.replyBody(), entry.pushState());
        }
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    DeliveryLog log;

    @Inject
    PortalUser user;

    private String appid;
    private String accountName;
    /** The attempt this page starts before; {@code null}: the newest. A log is read backwards, so "newest" returns. */
    private String before;
    private String nextBefore;
    private List<Row> rows = List.of();

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        accountName = accounts.requireMember(user.id(), appid).account().name();
        show();
    }

    public void older() {
        if (nextBefore != null) {
            before = nextBefore;
            show();
        }
    }

    public void newest() {
        before = null;
        show();
    }

    public void replay(Row row) {
        PushState state = log.replay(user.id(), appid, row.id()).state();
        PortalMessages.info("deliveries.replayed", PortalMessages.text("pushState." + state.name()));
        show();
    }

    private void show() {
        DeliveryLog.Page page = log.page(user.id(), appid, before, PAGE);
        rows = page.entries().stream().map(Row::of).toList();
        nextBefore = page.nextBefore();
    }

    public boolean isLoaded() {
        return accountName != null;
    }

    public String getAccountName() {
        return accountName;
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isHasOlder() {
        return nextBefore != null;
    }

    public boolean isHasNewer() {
        return before != null;
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }
}
