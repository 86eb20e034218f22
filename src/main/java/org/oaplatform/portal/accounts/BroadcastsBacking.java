package org.oaplatform.portal.accounts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.oaplatform.broadcasts.boundary.BroadcastReports;
import org.oaplatform.broadcasts.boundary.BroadcastReports.Outlook;
import org.oaplatform.broadcasts.boundary.Broadcasts;
import org.oaplatform.broadcasts.entity.BroadcastStatus;
import org.oaplatform.broadcasts.entity.BroadcastTarget;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.boundary.Tags;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.boundary.News;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.portal.KeysetPages;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * {@code portal/accounts/broadcasts.xhtml?appid=...}: any member composes a broadcast (to everybody, a tag or a list;
 * text or a living media of the account) with its outlook (today's quota, how many it reaches and how many it
 * filters), previews it to their own openid, sends it through {@link Broadcasts} as {@code mass/sendall} and
 * {@code mass/send} would, and follows the account's broadcasts (a progress bar polled while one is sending) and one's
 * statistics ({@link BroadcastStatistics}). Every refusal is the boundary's {@code BusinessException}, shown as a
 * message.
 */
@Named
@ViewScoped
public class BroadcastsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 20;
    static final int MEDIA_CHOICES = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A choice of the composer's selects: a tag or a media. */
    public record Choice(String value, String label) implements Serializable {
    }

    /** A broadcast of the list, as the page shows it. */
    public record Row(String id, String status, String target, String kind, String summary, String createdAt,
            long targeted, long delivered, Integer percent) implements Serializable {

        public boolean isSending() {
            return BroadcastStatus.SENDING.name().equals(status);
        }
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    BroadcastReports reports;

    @Inject
    Broadcasts broadcasts;

    @Inject
    Followers followers;

    @Inject
    Tags tags;

    @Inject
    Media media;

    @Inject
    News news;

    @Inject
    PortalUser user;

    private String appid;
    private String accountName;
    private AccountType accountType;
    private String unavailable;
    private final BroadcastForm form = new BroadcastForm();
    /** Sent along as {@code clientmsgid}: a second click on "send" within the minute is 45066, not a second broadcast. */
    private String clientMsgId = newClientMsgId();
    private List<Choice> tagChoices = List.of();
    private List<Choice> mediaChoices = List.of();
    private Outlook outlook;
    private final KeysetPages<Long> pages = new KeysetPages<>();
    private List<Row> rows = List.of();
    private final BroadcastStatistics statistics = new BroadcastStatistics();

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        OfficialAccount account = accounts.requireMember(user.id(), appid).account();
        accountName = account.name();
        accountType = account.type();
        try {
            accounts.requireCapability(account, Capability.MASS_SEND);
        } catch (BusinessException refused) {
            unavailable = refused.getMessage();
        }
        tagChoices = tags.list(user.id(), appid).stream().map(t -> new Choice(Integer.toString(t.tag().tagId()),
                t.tag().name() + " (" + t.count() + ")")).toList();
        showMedia();
        showList();
        refreshOutlook();
    }

    /** The target changed: the outlook follows it, once the tag is chosen or openids are listed. */
    public void refreshOutlook() {
        outlook = null;
        BroadcastReports.Audience audience = form.audience();
        if (audience.target() == BroadcastTarget.TAG && audience.tagId() == null
                || audience.target() == BroadcastTarget.LIST && audience.openids().isEmpty()) {
            return;
        }
        outlook = reports.outlook(user.id(), appid, audience);
    }

    public void kindChanged() {
        form.setMediaId(null);
        showMedia();
    }

    /** To the member's own openid, when they follow the account; counted against no quota. */
    public void preview() {
        OfficialAccount account = accounts.requireMember(user.id(), appid).account();
        accounts.requireCapability(account, Capability.MASS_SEND);
        Follower me = followers.findOfPerson(user.id(), account.accountId()).filter(Follower::subscribed)
                .orElse(null);
        if (me == null) {
            PortalMessages.error("broadcasts.preview.notFollowing");
            return;
        }
        broadcasts.preview(account.accountId(), followers.receiver(account.accountId(), me.openid()),
                form.previewBody(me.openid()));
        PortalMessages.info("broadcasts.preview.sent");
    }

    public void send() {
        OfficialAccount account = accounts.requireMember(user.id(), appid).account();
        accounts.requireCapability(account, Capability.MASS_SEND);
        Broadcasts.Submitted sent = form.isToList()
                ? broadcasts.sendToList(account.accountId(), form.sendBody(clientMsgId))
                : broadcasts.sendAll(account.accountId(), form.sendBody(clientMsgId));
        clientMsgId = newClientMsgId();
        form.sent();
        PortalMessages.info("broadcasts.sent", Long.toString(sent.msgId()));
        pages.restart();
        showList();
        statistics.show(reports.report(user.id(), appid, sent.msgId()));
        refreshOutlook();
    }

    /** The poll's tick, while a broadcast is sending: the list and the statistics shown. */
    public void poll() {
        showList();
        if (statistics.isShown()) {
            statistics.show(reports.report(user.id(), appid, statistics.broadcastId()));
        }
    }

    public void showStatistics(Row row) {
        statistics.show(reports.report(user.id(), appid, Long.parseLong(row.id())));
    }

    public void nextPage() {
        if (pages.forward()) {
            showList();
        }
    }

    public void previousPage() {
        if (pages.back()) {
            showList();
        }
    }

    private void showList() {
        BroadcastReports.Page page = reports.broadcasts(user.id(), appid, pages.start(), PAGE_SIZE);
        pages.nextStartsAt(page.nextBefore());
        rows = page.rows().stream().map(r -> new Row(Long.toString(r.broadcast().id()), r.broadcast().status().name(),
                r.broadcast().target().name(), r.broadcast().msgType(), BroadcastStatistics.summary(r.broadcast()),
                BroadcastStatistics.time(r.broadcast().createdAt()), r.broadcast().totalCount(),
                r.broadcast().sentCount(), r.progress() == null ? null : r.progress().percent())).toList();
    }

    private void showMedia() {
        OfficialAccount account = accounts.requireMember(user.id(), appid).account();
        mediaChoices = switch (form.getKind()) {
            case "image" -> files(account, MediaKind.IMAGE);
            case "voice" -> files(account, MediaKind.VOICE);
            case "mpvideo" -> files(account, MediaKind.VIDEO);
            case "mpnews" -> news.livingOfAccount(account.accountId(), MEDIA_CHOICES).stream()
                    .map(n -> new Choice(n.mediaId(), n.mediaId() + " · " + PortalMessages.text(
                            "broadcasts.media.articles", n.articleCount()) + " · "
                            + BroadcastStatistics.time(n.createdAt()))).toList();
            default -> List.of();
        };
    }

    private List<Choice> files(OfficialAccount account, MediaKind kind) {
        return media.livingOfAccount(account.accountId(), kind, MEDIA_CHOICES).stream()
                .map(m -> new Choice(m.mediaId(), m.mediaId() + " · " + BroadcastStatistics.time(m.createdAt())))
                .toList();
    }

    private static String newClientMsgId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "portal-" + HexFormat.of().formatHex(bytes);
    }

    /** Whether the list polls: while one of its broadcasts is sending. */
    public boolean isSending() {
        return rows.stream().anyMatch(Row::isSending) || statistics.isSending();
    }

    public boolean isLoaded() {
        return accountName != null;
    }

    public String getAccountName() {
        return accountName;
    }

    public boolean isSubscription() {
        return accountType == AccountType.SUBSCRIPTION;
    }

    /** Why this account cannot broadcast (unverified, say); {@code null} when it can. */
    public String getUnavailable() {
        return unavailable;
    }

    public BroadcastForm getForm() {
        return form;
    }

    public List<String> getTargets() {
        return BroadcastForm.TARGETS;
    }

    public List<String> getKinds() {
        return BroadcastForm.KINDS;
    }

    public List<Choice> getTagChoices() {
        return tagChoices;
    }

    public List<Choice> getMediaChoices() {
        return mediaChoices;
    }

    public Outlook getOutlook() {
        return outlook;
    }

    public String getDayEndsAt() {
        return outlook == null ? "" : BroadcastStatistics.time(outlook.dayEndsAt());
    }

    public List<Row> getRows() {
        return rows;
    }

    public BroadcastStatistics getStatistics() {
        return statistics;
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

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }
}
