package org.oaplatform.portal.accounts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.oaplatform.conversations.boundary.AutoReplies;
import org.oaplatform.conversations.control.AutoReplyDefinition;
import org.oaplatform.conversations.control.AutoReplyDefinition.Kind;
import org.oaplatform.conversations.control.AutoReplyMatching;
import org.oaplatform.conversations.entity.AutoReplyRule;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.Membership;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;
import org.oaplatform.webhooks.boundary.DeveloperServers;

/**
 * {@code portal/accounts/auto-replies.xhtml?appid=...}: the auto-replies of an account, through {@code AutoReplies}
 * as {@code /api/v1/official-accounts/{appid}/auto-replies} calls it: the welcome and default replies and the keyword
 * rules, each created, edited (replaced whole) and deleted in one transaction of the boundary, whose refusals show as
 * messages while the edit stays on the page. Every member reads; owners and admins change.
 */
@Named
@ViewScoped
public class AutoRepliesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A rule as the page lists it: keywords and replies summed up in one line each. */
    public record RuleRow(String id, Kind kind, String name, int priority, String keywords, List<String> replies)
            implements Serializable {

        static RuleRow of(AutoReplyRule rule) {
            AutoReplyDefinition d = rule.definition();
            return new RuleRow(rule.publicId(), d.kind(), d.name(), d.priority(), d.keywords().stream()
                    .map(k -> k.text() + " (" + PortalMessages.text("match." + k.match().name()) + ")")
                    .collect(Collectors.joining(", ")),
                    d.replies().stream().map(r -> r.isMedia()
                            ? PortalMessages.text("replyType." + r.type().name()) + ": " + r.mediaId()
                            : r.text()).toList());
        }
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    AutoReplies autoReplies;

    @Inject
    DeveloperServers servers;

    @Inject
    PortalUser user;

    private String appid;
    private String accountName;
    private boolean mayManage;
    private boolean resting;
    private List<RuleRow> keywordRules = List.of();
    private RuleRow welcome;
    private RuleRow fallback;
    private AutoReplyForm editing;

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        Membership membership = accounts.requireMember(user.id(), appid);
        accountName = membership.account().name();
        mayManage = membership.role().mayManage();
        resting = servers.pushesEnabled(membership.account().id());
        show();
    }

    public void newKeywordRule() {
        editing = AutoReplyForm.blank(Kind.KEYWORD);
    }

    public void editWelcome() {
        editing = welcome == null ? AutoReplyForm.blank(Kind.WELCOME) : read(welcome);
    }

    public void editDefault() {
        editing = fallback == null ? AutoReplyForm.blank(Kind.DEFAULT) : read(fallback);
    }

    public void edit(RuleRow row) {
        editing = read(row);
    }

    public void cancel() {
        editing = null;
    }

    /** Creates or replaces the rule; a refusal leaves the edit as it was, and the boundary saved nothing. */
    public void save() {
        AutoReplyDefinition definition = editing.definition();
        AutoReplyRule saved = editing.getRuleId() == null ? autoReplies.create(user.id(), appid, definition)
                : autoReplies.replace(user.id(), appid, editing.getRuleId(), definition);
        PortalMessages.info("autoReplies.saved", saved.definition().name());
        editing = null;
        show();
    }

    public void delete(RuleRow row) {
        autoReplies.delete(user.id(), appid, row.id());
        PortalMessages.info("autoReplies.deleted", row.name());
        if (editing != null && row.id().equals(editing.getRuleId())) {
            editing = null;
        }
        show();
    }

    private AutoReplyForm read(RuleRow row) {
        return AutoReplyForm.of(autoReplies.read(user.id(), appid, row.id()));
    }

    private void show() {
        List<RuleRow> all = autoReplies.list(user.id(), appid).stream().map(RuleRow::of).toList();
        keywordRules = all.stream().filter(r -> r.kind() == Kind.KEYWORD).toList();
        welcome = ofKind(all, Kind.WELCOME).orElse(null);
        fallback = ofKind(all, Kind.DEFAULT).orElse(null);
    }

    private static Optional<RuleRow> ofKind(List<RuleRow> rules, Kind kind) {
        return rules.stream().filter(r -> r.kind() == kind).findFirst();
    }

    public boolean isLoaded() {
        return accountName != null;
    }

    public String getAccountName() {
        return accountName;
    }

    public boolean isMayManage() {
        return mayManage;
    }

    public boolean isResting() {
        return resting;
    }

    public List<RuleRow> getKeywordRules() {
        return keywordRules;
    }

    public RuleRow getWelcome() {
        return welcome;
    }

    public RuleRow getFallback() {
        return fallback;
    }

    public AutoReplyForm getEditing() {
        return editing;
    }

    public List<String> getMatches() {
        return Arrays.stream(AutoReplyMatching.Match.values()).map(Enum::name).toList();
    }

    /** The kinds of message a rule can send, as {@code AutoReplyDefinition} reads them. */
    public List<String> getReplyTypes() {
        return Stream.of(MessageType.TEXT, MessageType.IMAGE, MessageType.VOICE, MessageType.VIDEO).map(Enum::name)
                .toList();
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }
}
