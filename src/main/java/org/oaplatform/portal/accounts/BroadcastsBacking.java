package org.oaplatform.portal.accounts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.oaplatform.broadcasts.boundary.BroadcastDesk;
import org.oaplatform.broadcasts.boundary.BroadcastReports;
import org.oaplatform.broadcasts.boundary.BroadcastReports.Outlook;
import org.oaplatform.broadcasts.boundary.Broadcasts;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.broadcasts.entity.BroadcastTarget;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.boundary.Tags;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.boundary.News;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.Membership;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;
import org.oaplatform.portal.accounts.BroadcastChoices.Choice;

/**
 * {@code portal/accounts/broadcasts.xhtml?appid=...}, the composer: any member composes a broadcast (to everybody, a
 * tag or a list; text or a living media of the account) with its outlook (today's quota, how many it reaches and how
 * many it filters), previews it to their own openid ({@link Broadcasts#preview}, as {@code mass/preview}), and sends it
 * now or at a time through {@link BroadcastDesk}, which holds it for a second member's approval when the account asks
 * for that (managers set it here). Every refusal is the boundary's {@code BusinessException}, shown as a message. The
 * list and the statistics below are {@link BroadcastListBacking}'s.
 */
@Named
@ViewScoped
public class BroadcastsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfficialAccounts accounts;

    @Inject
    BroadcastReports reports;

    @Inject
    BroadcastDesk desk;

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

    @Inject
    BroadcastListBacking list;

    private String appid;
    private String accountName;
    private AccountType accountType;
    private MemberRole role;
    private boolean approvalRequired;
    private String unavailable;
    private final BroadcastForm form = new BroadcastForm();
    private List<Choice> tagChoices = List.of();
    private List<Choice> mediaChoices = List.of();
    private Outlook outlook;

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        Membership membership = accounts.requireMember(user.id(), appid);
        OfficialAccount account = membership.account();
        accountName = account.name();
        accountType = account.type();
        role = membership.role();
        approvalRequired = desk.approvalRequired(user.id(), appid);
        try {
            accounts.requireCapability(account, Capability.MASS_SEND);
        } catch (BusinessException refused) {
            unavailable = refused.getMessage();
        }
        tagChoices = BroadcastChoices.tags(tags, user.id(), appid);
        showMedia();
        list.load(appid);
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

    /** At once, or for approval when the account asks for one. */
    public void send() {
        compose(false);
    }

    /** At the time typed (UTC); a composition for approval waits for both. */
    public void schedule() {
        if (form.getSendAt() == null) {
            PortalMessages.error("broadcasts.schedule.when");
            return;
        }
        compose(true);
    }

    private void compose(boolean scheduled) {
        Broadcast composed = desk.compose(user.id(), appid, form.composition(scheduled));
        form.sent();
        PortalMessages.info("broadcasts.composed." + composed.status().name(), Long.toString(composed.id()),
                BroadcastStatistics.time(composed.sendAt()));
        list.composed(composed.id());
        refreshOutlook();
    }

    /** A manager's choice for the compositions to come. */
    public void saveApprovalPolicy() {
        desk.requireApproval(user.id(), appid, approvalRequired);
        PortalMessages.info(approvalRequired ? "broadcasts.approval.on" : "broadcasts.approval.off");
    }

    private void showMedia() {
        mediaChoices = BroadcastChoices.media(media, news, accounts.requireMember(user.id(), appid).account()
                .accountId(), form.getKind());
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

    /** Owners and admins approve, reject and set the approval policy. */
    public boolean isManager() {
        return role != null && role.mayManage();
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
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

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }
}
