package org.oaplatform.conversations.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oaplatform.conversations.entity.Conversation;
import org.oaplatform.conversations.entity.ConversationMessage;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * A person's conversations and their messages, newest first, keyset-paged: messages by id (the MsgId, which only
 * grows), conversations by their last message's time. Opening a conversation's newest page marks the account's
 * messages read.
 */
@Stateless
public class ConversationReading {

    public static final int MAX_PAGE = 100;

    /** A page of messages and the message id to continue before ({@code null} on the last page). */
    public record Messages(List<ConversationMessage> messages, Long nextBefore) {
    }

    /** A conversation in the person's list, with its account and last message. */
    public record Summary(Conversation conversation, OfficialAccount account, ConversationMessage lastMessage) {
    }

    /** A page of conversations and the appid to continue after ({@code null} on the last page). */
    public record Summaries(List<Summary> conversations, String nextAfter) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    OfficialAccounts accounts;

    public Messages messages(long personId, String appId, Long before, int size) {
        requirePageSize(size);
        OfficialAccount account = accounts.findByAppId(appId)
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such official account"));
        Optional<Conversation> conversation = em.createNamedQuery(Conversation.OF, Conversation.class)
                .setParameter("accountId", account.id()).setParameter("personId", personId).getResultStream()
                .findFirst();
        if (conversation.isEmpty()) {
            return new Messages(List.of(), null);
        }
        if (before == null && conversation.get().unreadByPerson() > 0) {
            em.lock(conversation.get(), LockModeType.PESSIMISTIC_WRITE);
            em.refresh(conversation.get());
            conversation.get().readByPerson();
        }
        List<ConversationMessage> rows = em.createNamedQuery(ConversationMessage.PAGE, ConversationMessage.class)
                .setParameter("conversationId", conversation.get().id())
                .setParameter("beforeId", before == null ? Long.MAX_VALUE : before).setMaxResults(size + 1)
                .getResultList();
        List<ConversationMessage> page = rows.stream().limit(size).toList();
        return new Messages(page, rows.size() > size ? page.get(size - 1).id() : null);
    }

    public Summaries conversations(long personId, String afterAppId, int size) {
        requirePageSize(size);
        Instant beforeAt = Instant.parse("9999-12-31T00:00:00Z");
        long beforeId = Long.MAX_VALUE;
        if (afterAppId != null && !afterAppId.isBlank()) {
            OfficialAccount after = accounts.findByAppId(afterAppId).orElseThrow(ConversationReading::badCursor);
            Conversation position = em.createNamedQuery(Conversation.OF, Conversation.class)
                    .setParameter("accountId", after.id()).setParameter("personId", personId).getResultStream()
                    .findFirst().orElseThrow(ConversationReading::badCursor);
            beforeAt = position.lastMessageAt();
            beforeId = position.id();
        }
        List<Summary> rows = before(personId, beforeAt, beforeId, size + 1);
        List<Summary> summaries = rows.stream().limit(size).toList();
        String next = rows.size() > size ? summaries.get(size - 1).account().appId() : null;
        return new Summaries(summaries, next);
    }

    /**
     * The person's conversations whose last message came before ({@code beforeAt}, {@code beforeId}), newest first:
     * the keyset that the person's chat list (conversations beside broadcasts) pages with.
     */
    public List<Summary> before(long personId, Instant beforeAt, long beforeId, int size) {
        List<Conversation> rows = em.createNamedQuery(Conversation.OF_PERSON, Conversation.class)
                .setParameter("personId", personId).setParameter("beforeAt", beforeAt)
                .setParameter("beforeId", beforeId).setMaxResults(size).getResultList();
        Map<Long, OfficialAccount> accountsById = new HashMap<>();
        return rows.stream().map(c -> new Summary(c,
                accountsById.computeIfAbsent(c.accountId(), id -> em.find(OfficialAccount.class, id)),
                c.lastMessageId() == null ? null : em.find(ConversationMessage.class, c.lastMessageId()))).toList();
    }

    private static void requirePageSize(int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a page has 1 to " + MAX_PAGE + " entries");
        }
    }

    private static BusinessException badCursor() {
        return new BusinessException(PlatformError.VALIDATION_FAILED, "after names no conversation of yours");
    }
}
