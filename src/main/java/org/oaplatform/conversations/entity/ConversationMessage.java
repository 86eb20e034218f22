package org.oaplatform.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message of a conversation. Its id is also its WeChat MsgId (64 bits, time-ordered), which the push carries;
 * its content is the type's fields as JSON ({@code control.MessageContents} writes and reads it). Never changed.
 */
@Entity
@Table(name = "conversation_message")
@NamedQuery(name = ConversationMessage.PAGE, query = "SELECT m FROM ConversationMessage m"
        + " WHERE m.conversationId = :conversationId AND m.id < :beforeId ORDER BY m.id DESC")
@NamedQuery(name = ConversationMessage.ACCOUNT_PAGE, query = "SELECT m FROM ConversationMessage m"
        + " WHERE m.conversationId = :conversationId AND m.id < :beforeId AND m.withheld = false ORDER BY m.id DESC")
public class ConversationMessage {

    public static final String PAGE = "ConversationMessage.page";
    /** The conversation as the account sees it: without the messages withheld from it. */
    public static final String ACCOUNT_PAGE = "ConversationMessage.accountPage";

    @Id
    private Long id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 3)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "message_type", nullable = false, updatable = false, length = 12)
    private MessageType type;

    @Column(nullable = false, updatable = false)
    private String content;

    @Column(nullable = false, updatable = false)
    private boolean withheld;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private MessageSource source;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ConversationMessage() {
    }

    public ConversationMessage(long id, long conversationId, Direction direction, MessageType type, String content,
            boolean withheld, MessageSource source, Instant createdAt) {
        this.id = id;
        this.conversationId = conversationId;
        this.direction = direction;
        this.type = type;
        this.content = content;
        this.withheld = withheld;
        this.source = source;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public long conversationId() {
        return conversationId;
    }

    public Direction direction() {
        return direction;
    }

    public MessageType type() {
        return type;
    }

    public String content() {
        return content;
    }

    public boolean withheld() {
        return withheld;
    }

    public MessageSource source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
