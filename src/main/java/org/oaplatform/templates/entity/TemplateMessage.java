package org.oaplatform.templates.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A template message an account sent to a follower. Its id is the {@code msgid} WeChat answers and pushes back in
 * {@code TEMPLATESENDJOBFINISH}. {@code clientMsgId} is the sender's anti-replay key while it lasts (see
 * {@code TemplateMessages}).
 */
@Entity
@Table(name = "template_message")
@NamedQueries({
    @NamedQuery(name = TemplateMessage.BY_CLIENT_MSG_ID, query = "SELECT m FROM TemplateMessage m"
            + " WHERE m.accountId = :accountId AND m.followerId = :followerId AND m.clientMsgId = :clientMsgId"),
    @NamedQuery(name = TemplateMessage.OF_FOLLOWER, query = "SELECT m FROM TemplateMessage m"
            + " WHERE m.followerId = :followerId AND m.id < :before ORDER BY m.id DESC")
})
public class TemplateMessage {

    public static final String BY_CLIENT_MSG_ID = "TemplateMessage.byClientMsgId";
    public static final String OF_FOLLOWER = "TemplateMessage.ofFollower";

    /** From {@code TimeOrderedIds}; also the msgid. */
    @Id
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "follower_id", nullable = false)
    private long followerId;

    @Column(name = "template_id", nullable = false, length = 43)
    private String templateId;

    @Column(nullable = false, length = 64)
    private String title;

    @Column(nullable = false)
    private String rendered;

    @Column(name = "data_json", nullable = false)
    private String dataJson;

    @Column(length = 1024)
    private String url;

    @Column(name = "miniprogram_appid", length = 32)
    private String miniprogramAppId;

    @Column(name = "miniprogram_path", length = 1024)
    private String miniprogramPath;

    @Column(name = "client_msg_id", length = 64)
    private String clientMsgId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TemplateMessage() {
    }

    public TemplateMessage(long id, long accountId, long followerId, AccountTemplate template, String rendered,
            String dataJson, Link link, String clientMsgId, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.followerId = followerId;
        this.templateId = template.templateId();
        this.title = template.title();
        this.rendered = rendered;
        this.dataJson = dataJson;
        this.url = link.url();
        this.miniprogramAppId = link.miniprogramAppId();
        this.miniprogramPath = link.miniprogramPath();
        this.clientMsgId = clientMsgId;
        this.createdAt = createdAt;
    }

    /** Where the message leads when opened: a web page, a mini program page, both (the mini program wins) or nothing. */
    public record Link(String url, String miniprogramAppId, String miniprogramPath) {
        public static final Link NONE = new Link(null, null, null);
    }

    /** The anti-replay key is spent: a later message may use it again. */
    public void releaseClientMsgId() {
        clientMsgId = null;
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public long followerId() {
        return followerId;
    }

    public String templateId() {
        return templateId;
    }

    public String title() {
        return title;
    }

    public String rendered() {
        return rendered;
    }

    public Link link() {
        return new Link(url, miniprogramAppId, miniprogramPath);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
