package org.oaplatform.conversations.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.oaplatform.conversations.control.AutoReplyDefinition;
import org.oaplatform.conversations.control.AutoReplyError;
import org.oaplatform.conversations.control.AutoReplyMatching;
import org.oaplatform.conversations.entity.AutoReplyRule;
import org.oaplatform.conversations.entity.ConversationMessage;
import org.oaplatform.conversations.entity.MessageSource;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.followers.boundary.FollowerSubscribed;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.webhooks.boundary.DeveloperServers;

/**
 * Auto-replies of accounts without developer mode: their rules (members read them, owners and admins change them) and
 * their use. A follower's message and a follow are answered inside the transaction that records them, so the answer
 * lands in the conversation with them or not at all; an account whose developer server is enabled answers through it
 * instead, and its rules rest. Which rule answers what: docs/conversations.md.
 */
@Stateless
public class AutoReplies {

    /** WeChat's console allows 200 keyword rules; with the welcome and default rules, 202. */
    public static final int MAX_RULES = 202;
    private static final Logger LOG = Logger.getLogger(AutoReplies.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    OfficialAccounts accounts;

    @Inject
    DeveloperServers servers;

    @Inject
    Conversations conversations;

    @Inject
    Media media;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    public List<AutoReplyRule> list(long personId, String appId) {
        return rules(accounts.requireMember(personId, appId).account().id());
    }

    public AutoReplyRule read(long personId, String appId, String ruleId) {
        return rule(accounts.requireMember(personId, appId).account(), ruleId);
    }

    public AutoReplyRule create(long personId, String appId, AutoReplyDefinition definition) {
        OfficialAccount account = manager(personId, appId);
        requireUsableMedia(account, definition);
        em.lock(account, LockModeType.PESSIMISTIC_WRITE); // one change of an account's rules at a time
        if (em.createNamedQuery(AutoReplyRule.COUNT_OF_ACCOUNT, Long.class).setParameter("accountId", account.id())
                .getSingleResult() >= MAX_RULES) {
            throw new BusinessException(AutoReplyError.AUTO_REPLY_LIMIT_REACHED, "at most " + MAX_RULES + " rules");
        }
        requireSingle(account, definition, null);
        AutoReplyRule rule = new AutoReplyRule(rowIds.next(), ids.publicId(AutoReplyRule.ID_PREFIX), account.id(),
                definition, clock.instant());
        em.persist(rule);
        return rule;
    }

    public AutoReplyRule replace(long personId, String appId, String ruleId, AutoReplyDefinition definition) {
        OfficialAccount account = manager(personId, appId);
        requireUsableMedia(account, definition);
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        AutoReplyRule rule = rule(account, ruleId);
        requireSingle(account, definition, rule);
        rule.define(definition, clock.instant());
        return rule;
    }

    public void delete(long personId, String appId, String ruleId) {
        em.remove(rule(manager(personId, appId), ruleId));
    }

    /** A follower's message (never a blacklisted follower's): the best keyword rule for a text, else the default. */
    public void answer(@Observes FollowerMessageReceived message) {
        if (servers.pushesEnabled(message.accountId())) {
            return;
        }
        List<AutoReplyRule> rules = rules(message.accountId());
        if (rules.isEmpty()) {
            return;
        }
        Optional<AutoReplyRule> keyword = message.type() == MessageType.TEXT
                ? byKeyword(rules, text(em.find(ConversationMessage.class, message.msgId()))) : Optional.empty();
        keyword.or(() -> ofKind(rules, AutoReplyDefinition.Kind.DEFAULT))
                .ifPresent(rule -> send(rule, message.accountId(), message.openid()));
    }

    /** A follow: the welcome rule, if any. */
    public void welcome(@Observes FollowerSubscribed follow) {
        if (!servers.pushesEnabled(follow.accountId())) {
            ofKind(rules(follow.accountId()), AutoReplyDefinition.Kind.WELCOME)
                    .ifPresent(rule -> send(rule, follow.accountId(), follow.openid()));
        }
    }

    private static Optional<AutoReplyRule> byKeyword(List<AutoReplyRule> rules, String text) {
        List<AutoReplyMatching.Candidate> candidates = rules.stream()
                .filter(r -> r.kind() == AutoReplyDefinition.Kind.KEYWORD)
                .map(r -> new AutoReplyMatching.Candidate(r.id(), r.definition().priority(),
                        r.definition().keywords()))
                .toList();
        return AutoReplyMatching.best(candidates, text)
                .flatMap(best -> rules.stream().filter(r -> r.id() == best.id()).findFirst());
    }

    /**
     * Every reply of the rule, in order. A media reply whose media expired since the rule was saved (temporary media
     * live three days) is skipped and logged: the follower gets the rest, and the operator sees it in the log.
     */
    private void send(AutoReplyRule rule, long accountId, String openid) {
        AccountId account = new AccountId(accountId);
        for (AutoReplyDefinition.Reply reply : rule.definition().replies()) {
            Optional<BusinessException> refused = reply.isMedia() ? media.refusalForAccount(account, reply.mediaId(),
                    MediaKind.ofWireName(reply.type().wireName()).orElseThrow()) : Optional.empty();
            if (refused.isPresent()) {
                LOG.warning(() -> "auto-reply " + rule.publicId() + " skips " + reply.mediaId() + ": "
                        + refused.get().getMessage());
                continue;
            }
            conversations.recordOutgoing(account, openid, reply.stored().type(), reply.stored().content(),
                    MessageSource.AUTO_REPLY);
        }
    }

    private void requireUsableMedia(OfficialAccount account, AutoReplyDefinition definition) {
        definition.replies().stream().filter(AutoReplyDefinition.Reply::isMedia)
                .forEach(r -> media.requireUsableByAccount(account.accountId(), r.mediaId(),
                        MediaKind.ofWireName(r.type().wireName()).orElseThrow()));
    }

    /** An account has at most one welcome and one default rule (the unique key backs this under the account lock). */
    private void requireSingle(OfficialAccount account, AutoReplyDefinition definition, AutoReplyRule replaced) {
        if (definition.kind() == AutoReplyDefinition.Kind.KEYWORD) {
            return;
        }
        Optional<AutoReplyRule> other = ofKind(rules(account.id()), definition.kind());
        if (other.isPresent() && other.get() != replaced) {
            throw new BusinessException(AutoReplyError.AUTO_REPLY_EXISTS,
                    "the account has a " + definition.kind() + " rule: " + other.get().publicId());
        }
    }

    private OfficialAccount manager(long personId, String appId) {
        return accounts.requireRole(personId, appId, MemberRole.OWNER, MemberRole.ADMIN).account();
    }

    private AutoReplyRule rule(OfficialAccount account, String ruleId) {
        if (!Ids.isPublicId(AutoReplyRule.ID_PREFIX, ruleId)) {
            throw new BusinessException(AutoReplyError.AUTO_REPLY_NOT_FOUND);
        }
        return em.createNamedQuery(AutoReplyRule.BY_PUBLIC_ID, AutoReplyRule.class).setParameter("publicId", ruleId)
                .setParameter("accountId", account.id()).getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException(AutoReplyError.AUTO_REPLY_NOT_FOUND));
    }

    private List<AutoReplyRule> rules(long accountId) {
        return em.createNamedQuery(AutoReplyRule.OF_ACCOUNT, AutoReplyRule.class).setParameter("accountId", accountId)
                .getResultList();
    }

    private static Optional<AutoReplyRule> ofKind(List<AutoReplyRule> rules, AutoReplyDefinition.Kind kind) {
        return rules.stream().filter(r -> r.kind() == kind).findFirst();
    }

    private static String text(ConversationMessage message) {
        try (var reader = JSON.createReader(new StringReader(message.content()))) {
            return reader.readObject().getString("content", "");
        }
    }
}
