package org.oaplatform.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The thread between one person and one account, made at the first message either way. It keeps what a list of
 * conversations shows without reading messages: the last message and how many of the account's messages the person
 * has not read yet.
 */
@Entity
@Table(name = "conversation")
@NamedQuery(name = Conversation.OF, query = "SELECT c FROM Conversation c WHERE c.accountId = :accountId"
        + " AND c.personId = :personId")
@NamedQuery(name = Conversation.OF_PERSON, query = "SELECT c FROM Conversation c WHERE c.personId = :personId"
        + " AND (c.lastMessageAt < :beforeAt OR (c.lastMessageAt = :beforeAt AND c.id < :beforeId))"
        + " ORDER BY c.lastMessageAt DESC, c.id DESC")
@NamedQuery(name = Conversation.OF_ACCOUNT, query = "SELECT c FROM Conversation c WHERE c.accountId = :accountId"
        + " AND (c.accountLastMessageAt < :beforeAt OR (c.accountLastMessageAt = :beforeAt AND c.id < :beforeId))"
        + " ORDER BY c.accountLastMessageAt DESC, c.id DESC")
public class Conversation {

    public static final String OF = "Conversation.of";
    public static final String OF_PERSON = "Conversation.ofPerson";
    public static final String OF_ACCOUNT = "Conversation.ofAccount";

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(nullable = false, updatable = false, length = 28)
    private String openid;

    @Column(name = "last_message_id")
    private Long lastMessageId;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    @Column(name = "unread_by_person", nullable = false)
    private int unreadByPerson;

    /** The newest message the account may see: a blacklisted follower's messages are withheld from it. */
    @Column(name = "account_last_message_id")
    private Long accountLastMessageId;

    /** {@code null} until the account sees a message: such a conversation is not in its inbox. */
    @Column(name = "account_last_message_at")
    private Instant accountLastMessageAt;

    @Column(name = "unread_by_account", nullable = false)
    private int unreadByAccount;

    @Version
    private long version;

    protected Conversation() {
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public long personId() {
        return personId;
    }

    public String openid() {
        return openid;
    }

    public Long lastMessageId() {
        return lastMessageId;
    }

    public Instant lastMessageAt() {
        return lastMessageAt;
    }

    public int unreadByPerson() {
        return unreadByPerson;
    }

    public Long accountLastMessageId() {
        return accountLastMessageId;
    }

    public Instant accountLastMessageAt() {
        return accountLastMessageAt;
    }

    public int unreadByAccount() {
        return unreadByAccount;
    }

    /**
     * The message is the newest. One the account wrote is unread until the person opens the conversation; one the
     * person wrote is unread until an operator opens it in the inbox, unless it is withheld from the account.
     */
    public void added(ConversationMessage message) {
        lastMessageId = message.id();
        lastMessageAt = message.createdAt();
        if (message.direction() == Direction.OUT) {
            unreadByPerson++;
        }
        if (!message.withheld()) {
            accountLastMessageId = message.id();
            accountLastMessageAt = message.createdAt();
            if (message.direction() == Direction.IN) {
                unreadByAccount++;
            }
        }
    }

    public void readByPerson() {
        unreadByPerson = 0;
    }

    public void readByAccount() {
        unreadByAccount = 0;
    }
}
