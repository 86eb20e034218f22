package org.oaplatform.conversations.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oaplatform.conversations.control.ConversationError;
import org.oaplatform.conversations.control.CustomMessage;
import org.oaplatform.conversations.control.ServiceWindow;
import org.oaplatform.conversations.entity.Conversation;
import org.oaplatform.conversations.entity.ConversationMessage;
import org.oaplatform.conversations.entity.MessageSource;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.JsonSupport;
import org.oaplatform.platform.control.PlatformError;

/**
 * The operators' inbox: an account's conversations as its members see them (newest first, without what is withheld
 * from the account), each with its service window's state, and their replies. A reply is a customer-service message
 * ({@link CustomMessages}): the same checks, the same window, the same errors as {@code message/custom/send}, because
 * WeChat gives operators no other way to write to a follower.
 */
@Stateless
public class Inbox {

    public static final int MAX_PAGE = 100;

    /** What the account may send a follower now: the state, the messages left and until when they may be sent. */
    public record WindowState(ServiceWindow.State state, int messagesLeft, Instant closesAt) {

        static WindowState of(ServiceWindow window, Instant now) {
            return new WindowState(window.stateAt(now), window.leftAt(now), window.closesAt(now).orElse(null));
        }
    }

    /** A conversation in the inbox: the follower, the newest message the account may see and the window. */
    public record Entry(Conversation conversation, Follower follower, ConversationMessage lastMessage,
            WindowState window) {
    }

    /** A page of the inbox and the openid to continue after ({@code null} on the last page). */
    public record Entries(List<Entry> entries, String nextAfter) {
    }

    /** A page of one conversation, the message id to continue before, and the window as it is now. */
    public record Thread(Follower follower, List<ConversationMessage> messages, Long nextBefore, WindowState window) {
    }

    /** An operator's message, in the client API's fields; the type is text, image, voice or video. */
    public record Reply(String type, String content, String mediaId, String title, String description) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Followers followers;

    @Inject
    ServiceWindows windows;

    @Inject
    CustomMessages customMessages;

    @Inject
    Clock clock;

    public Entries conversations(long personId, String appId, String afterOpenid, int size) {
        requirePageSize(size);
        OfficialAccount account = accounts.requireMember(personId, appId).account();
        Instant beforeAt = Instant.parse("9999-12-31T00:00:00Z");
        long beforeId = Long.MAX_VALUE;
        if (afterOpenid != null && !afterOpenid.isBlank()) {
            Conversation position = conversationWith(account, afterOpenid)
                    .filter(c -> c.accountLastMessageAt() != null).orElseThrow(Inbox::badCursor);
            beforeAt = position.accountLastMessageAt();
            beforeId = position.id();
        }
        List<Conversation> rows = em.createNamedQuery(Conversation.OF_ACCOUNT, Conversation.class)
                .setParameter("accountId", account.id()).setParameter("beforeAt", beforeAt)
                .setParameter("beforeId", beforeId).setMaxResults(size + 1).getResultList();
        List<Conversation> page = rows.stream().limit(size).toList();
        Map<String, Follower> byOpenid = followers.ofAccount(account.accountId(),
                page.stream().map(Conversation::openid).toList()).stream()
                .collect(Collectors.toMap(Follower::openid, Function.identity()));
        Map<Long, ServiceWindow> windowsById = windows.windowsOf(byOpenid.values().stream().map(Follower::id).toList());
        Instant now = clock.instant();
        List<Entry> entries = page.stream().map(c -> {
            Follower follower = byOpenid.get(c.openid());
            return new Entry(c, follower, em.find(ConversationMessage.class, c.accountLastMessageId()),
                    WindowState.of(windowsById.getOrDefault(follower.id(), ServiceWindow.NONE), now));
        }).toList();
        return new Entries(entries, rows.size() > size ? page.get(size - 1).openid() : null);
    }

    /** One conversation, newest first; its newest page marks the follower's messages read by the account. */
    public Thread messages(long personId, String appId, String openid, Long before, int size) {
        requirePageSize(size);
        OfficialAccount account = accounts.requireMember(personId, appId).account();
        Follower follower = follower(account, openid);
        Optional<Conversation> conversation = conversationWith(account, openid);
        WindowState window = windowOf(follower);
        if (conversation.isEmpty()) {
            return new Thread(follower, List.of(), null, window);
        }
        if (before == null && conversation.get().unreadByAccount() > 0) {
            em.lock(conversation.get(), LockModeType.PESSIMISTIC_WRITE);
            em.refresh(conversation.get());
            conversation.get().readByAccount();
        }
        List<ConversationMessage> rows = em.createNamedQuery(ConversationMessage.ACCOUNT_PAGE,
                ConversationMessage.class).setParameter("conversationId", conversation.get().id())
                .setParameter("beforeId", before == null ? Long.MAX_VALUE : before).setMaxResults(size + 1)
                .getResultList();
        List<ConversationMessage> page = rows.stream().limit(size).toList();
        return new Thread(follower, page, rows.size() > size ? page.get(size - 1).id() : null, window);
    }

    /** An operator's reply: a customer-service message, counted by the window like any other. */
    public ConversationMessage reply(long personId, String appId, String openid, Reply reply) {
        OfficialAccount account = accounts.requireMember(personId, appId).account();
        follower(account, openid);
        // the reply is read as the developer API's body so that one parser checks both
        CustomMessage message = CustomMessage.read(wireBody(openid, reply));
        return customMessages.send(account.accountId(), message, MessageSource.OPERATOR);
    }

    /** An openid in the inbox's address: one the account never had is no conversation, hence not found. */
    private Follower follower(OfficialAccount account, String openid) {
        return followers.findOfAccount(account.accountId(), openid)
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such follower"));
    }

    private WindowState windowOf(Follower follower) {
        return WindowState.of(windows.windowsOf(List.of(follower.id())).getOrDefault(follower.id(),
                ServiceWindow.NONE), clock.instant());
    }

    private Optional<Conversation> conversationWith(OfficialAccount account, String openid) {
        return followers.findOfAccount(account.accountId(), openid).flatMap(follower -> em
                .createNamedQuery(Conversation.OF, Conversation.class).setParameter("accountId", account.id())
                .setParameter("personId", follower.personId()).getResultStream().findFirst());
    }

    private static jakarta.json.JsonObject wireBody(String openid, Reply reply) {
        if (reply.type() == null || reply.type().isBlank()) {
            throw new BusinessException(ConversationError.INVALID_MESSAGE, "type is required");
        }
        JsonObjectBuilder part = JsonSupport.JSON.createObjectBuilder();
        switch (reply.type()) {
            case "text" -> putIfPresent(part, "content", reply.content());
            case "image", "voice" -> putIfPresent(part, "media_id", reply.mediaId());
            case "video" -> {
                putIfPresent(part, "media_id", reply.mediaId());
                putIfPresent(part, "title", reply.title());
                putIfPresent(part, "description", reply.description());
            }
            default -> throw new BusinessException(ConversationError.INVALID_MESSAGE,
                    "type is text, image, voice or video");
        }
        return JsonSupport.JSON.createObjectBuilder().add("touser", openid).add("msgtype", reply.type())
                .add(reply.type(), part).build();
    }

    private static void putIfPresent(JsonObjectBuilder part, String name, String value) {
        if (value != null) {
            part.add(name, value);
        }
    }

    private static void requirePageSize(int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a page has 1 to " + MAX_PAGE + " entries");
        }
    }

    private static BusinessException badCursor() {
        return new BusinessException(PlatformError.VALIDATION_FAILED, "after names no conversation of this account");
    }
}
