package org.oaplatform.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.oaplatform.conversations.control.AutoReplyDefinition;

/**
 * An account's auto-reply rule, used while the account has no developer server enabled: a keyword rule, the welcome
 * rule or the default rule ({@link AutoReplyDefinition}). Keywords and replies are kept as the JSON the definition
 * writes; a rule is replaced whole when it changes.
 */
@Entity
@Table(name = "auto_reply_rule")
@NamedQuery(name = AutoReplyRule.OF_ACCOUNT, query = "SELECT r FROM AutoReplyRule r WHERE r.accountId = :accountId"
        + " ORDER BY r.id")
@NamedQuery(name = AutoReplyRule.BY_PUBLIC_ID, query = "SELECT r FROM AutoReplyRule r WHERE r.publicId = :publicId"
        + " AND r.accountId = :accountId")
@NamedQuery(name = AutoReplyRule.COUNT_OF_ACCOUNT, query = "SELECT COUNT(r) FROM AutoReplyRule r"
        + " WHERE r.accountId = :accountId")
public class AutoReplyRule {

    public static final String ID_PREFIX = "ar_";
    public static final String OF_ACCOUNT = "AutoReplyRule.ofAccount";
    public static final String BY_PUBLIC_ID = "AutoReplyRule.byPublicId";
    public static final String COUNT_OF_ACCOUNT = "AutoReplyRule.countOfAccount";

    @Id
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 20)
    private String publicId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, length = 10)
    private String kind;

    @Column(name = "single_kind", length = 10)
    private String singleKind;

    @Column(nullable = false, length = 60)
    private String name;

    @Column(nullable = false)
    private int priority;

    @Column(nullable = false)
    private String keywords;

    @Column(nullable = false)
    private String replies;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AutoReplyRule() {
    }

    public AutoReplyRule(long id, String publicId, long accountId, AutoReplyDefinition definition, Instant now) {
        this.id = id;
        this.publicId = publicId;
        this.accountId = accountId;
        this.createdAt = now;
        define(definition, now);
    }

    /** The rule becomes {@code definition}, whatever it was (a keyword rule may become the default rule). */
    public void define(AutoReplyDefinition definition, Instant now) {
        kind = definition.kind().name();
        singleKind = definition.kind() == AutoReplyDefinition.Kind.KEYWORD ? null : kind;
        name = definition.name();
        priority = definition.priority();
        keywords = definition.keywordsJson();
        replies = definition.repliesJson();
        updatedAt = now;
    }

    public AutoReplyDefinition definition() {
        return new AutoReplyDefinition(kind(), name, priority, AutoReplyDefinition.keywords(keywords),
                AutoReplyDefinition.replies(replies));
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public long accountId() {
        return accountId;
    }

    public AutoReplyDefinition.Kind kind() {
        return AutoReplyDefinition.Kind.valueOf(kind);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
