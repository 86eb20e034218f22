package org.oaplatform.portal.accounts;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.oaplatform.conversations.boundary.Inbox;
import org.oaplatform.conversations.control.ServiceWindow;
import org.oaplatform.conversations.entity.ConversationMessage;
import org.oaplatform.conversations.entity.Direction;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.portal.KeysetPages;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * {@code portal/accounts/inbox.xhtml?appid=...&openid=...}: an account's conversations for any of its members, newest
 * first, each with its service window (open until when, messages left); the chosen one's messages and a reply box that
 * is open only while the window is. Replies go through {@link Inbox#reply}, so the window refuses here exactly as it
 * does on {@code message/custom/send}.
 */
@Named
@ViewScoped
public class InboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 20;
    static final int THREAD_SIZE = 30;
    private static final DateTimeFormatter CLOSES_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A window as the page shows it: the state's name (OPEN, SPENT, CLOSED), what is left, until when. */
    public record Window(String state, int messagesLeft, OffsetDateTime closesAt) implements Serializable {

        static Window of(Inbox.WindowState window) {
            return new Window(window.state().name(), window.messagesLeft(), utc(window.closesAt()));
        }

        public boolean isOpen() {
            return ServiceWindow.State.OPEN.name().equals(state);
        }

        /** As the portal writes times elsewhere: UTC, to the minute. */
        public String closesAtText() {
            return closesAt == null ? "" : CLOSES_AT.format(closesAt) + " UTC";
        }
    }

    public record Row(String openid, String remark, boolean blacklisted, String lastMessage, boolean lastFromFollower,
            OffsetDateTime updatedAt, int unread, Window window) implements Serializable {
    }

    public record Message(String id, boolean fromFollower, String type, String text, OffsetDateTime at)
            implements Serializable {
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    Inbox inbox;

    @Inject
    PortalUser user;

    private String appid;
    private String accountName;
    private String openid;
    /** By the openid a page starts after. */
    private final KeysetPages<String> pages = new KeysetPages<>();
    private List<Row> rows = List.of();
    private List<Message> messages = List.of();
    private Window window;
    private String reply;

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        accountName = accounts.requireMember(user.id(), appid).account().name();
        showList();
        if (openid != null && !openid.isBlank()) {
            showThread();
        }
    }

    public void open(Row row) {
        openid = row.openid();
        reply = null;
        showThread();
        showList();
    }

    public void send() {
        if (reply == null || reply.isBlank()) {
            PortalMessages.error("inbox.reply.empty");
            return;
        }
        inbox.reply(user.id(), appid, openid, new Inbox.Reply("text", reply, null, null, null));
        PortalMessages.info("inbox.reply.sent");
        reply = null;
        showThread();
        showList();
    }

    public void refresh() {
        showList();
        if (openid != null) {
            showThread();
        }
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
        Inbox.Entries page = inbox.conversations(user.id(), appid, pages.start(), PAGE_SIZE);
        pages.nextStartsAt(page.nextAfter());
        rows = page.entries().stream().map(e -> new Row(e.follower().openid(), e.follower().remark(),
                e.follower().blacklisted(), preview(e.lastMessage()),
                e.lastMessage().direction() == Direction.IN, utc(e.conversation().accountLastMessageAt()),
                e.conversation().unreadByAccount(), Window.of(e.window()))).toList();
    }

    /** The newest messages, oldest first as a chat reads. */
    private void showThread() {
        Inbox.Thread thread = inbox.messages(user.id(), appid, openid, null, THREAD_SIZE);
        List<Message> shown = new ArrayList<>(thread.messages().stream().map(m -> new Message(Long.toString(m.id()),
                m.direction() == Direction.IN, m.type().wireName(), preview(m), utc(m.createdAt()))).toList());
        Collections.reverse(shown);
        messages = shown;
        window = Window.of(thread.window());
    }

    /** Text as written; other kinds by what a person recognises them by (a title, a label) or their kind. */
    private static String preview(ConversationMessage message) {
        JsonObject content = JSON.createReader(new StringReader(message.content())).readObject();
        for (String field : List.of("content", "title", "label", "headContent")) {
            if (content.containsKey(field) && content.get(field).getValueType() == jakarta.json.JsonValue.ValueType.STRING
                    && !content.getString(field).isBlank()) {
                return content.getString(field);
            }
        }
        return PortalMessages.text("inbox.kind." + message.type().wireName());
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    /** Whether the account was found and the person is a member: whether to show the page at all. */
    public boolean isLoaded() {
        return accountName != null;
    }

    public String getAccountName() {
        return accountName;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Message> getMessages() {
        return messages;
    }

    public Window getWindow() {
        return window;
    }

    public boolean isChosen() {
        return openid != null && window != null;
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

    public String getOpenid() {
        return openid;
    }

    public void setOpenid(String openid) {
        this.openid = openid;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }
}
