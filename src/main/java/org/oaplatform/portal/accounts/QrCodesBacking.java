package org.oaplatform.portal.accounts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.oaplatform.followers.boundary.QrCodes;
import org.oaplatform.followers.entity.QrCode;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.portal.KeysetPages;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * {@code portal/accounts/qrcodes.xhtml?appid=...}: create an account's parametric QR codes (the rules and the
 * capability policy of {@code qrcode/create}, in the boundary) and list them newest first, a page at a time (keyset by
 * code id), with their scans, the follows those started, and a link to the picture ({@code showqrcode}).
 */
@Named
@ViewScoped
public class QrCodesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 20;

    /** The two lifetimes the form offers; the kind of scene follows from which scene field is filled in. */
    public enum Kind {
        TEMPORARY, PERMANENT
    }

    /** One code as the table shows it; {@code expiresAt} is {@code null} for permanent codes. */
    public record Row(String ticket, String scene, boolean permanent, OffsetDateTime createdAt,
            OffsetDateTime expiresAt, boolean expired, String url, long scans, long follows) implements Serializable {
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    QrCodes qrCodes;

    @Inject
    PortalUser user;

    private String appid;
    private String accountName;
    private Kind kind = Kind.TEMPORARY;
    private Long sceneId;
    private String sceneStr;
    private Long expireSeconds;
    /** By the code id a page starts before, newest first. */
    private final KeysetPages<Long> pages = new KeysetPages<>();
    private List<Row> rows = List.of();

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        accountName = accounts.requireMember(user.id(), appid).account().name();
        show();
    }

    public void create() {
        QrCode code = qrCodes.create(user.id(), appid, kind == Kind.PERMANENT, sceneId, sceneStr, expireSeconds);
        PortalMessages.info(code.permanent() ? "qr.created.permanent" : "qr.created.temporary", code.sceneValue());
        sceneId = null;
        sceneStr = null;
        expireSeconds = null;
        pages.restart();
        show();
    }

    /** Reads the current page again: scans happen while the page is open. */
    public void refresh() {
        show();
    }

    public void nextPage() {
        if (pages.forward()) {
            show();
        }
    }

    public void previousPage() {
        if (pages.back()) {
            show();
        }
    }

    private void show() {
        QrCodes.Codes page = qrCodes.list(user.id(), appid, pages.start(), PAGE_SIZE);
        pages.nextStartsAt(page.nextBefore());
        rows = page.codes().stream().map(QrCodesBacking::row).toList();
    }

    private static Row row(QrCodes.Listed listed) {
        QrCode code = listed.code();
        return new Row(code.ticket(), code.sceneValue(), code.permanent(), code.createdAt().atOffset(ZoneOffset.UTC),
                code.expiresAt() == null ? null : code.expiresAt().atOffset(ZoneOffset.UTC), listed.expired(),
                listed.url(), listed.scans(), listed.follows());
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

    public boolean isHasNext() {
        return pages.hasNext();
    }

    public boolean isHasPrevious() {
        return pages.hasPrevious();
    }

    public int getPageNumber() {
        return pages.pageNumber();
    }

    public Kind[] getKinds() {
        return Kind.values();
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public Long getSceneId() {
        return sceneId;
    }

    public void setSceneId(Long sceneId) {
        this.sceneId = sceneId;
    }

    public String getSceneStr() {
        return sceneStr;
    }

    public void setSceneStr(String sceneStr) {
        this.sceneStr = sceneStr;
    }

    public Long getExpireSeconds() {
        return expireSeconds;
    }

    public void setExpireSeconds(Long expireSeconds) {
        this.expireSeconds = expireSeconds;
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }
}
