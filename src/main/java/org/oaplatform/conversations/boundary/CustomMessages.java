package org.oaplatform.conversations.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import org.oaplatform.conversations.control.ConversationError;
import org.oaplatform.conversations.control.CustomMessage;
import org.oaplatform.conversations.control.WindowError;
import org.oaplatform.conversations.entity.ConversationMessage;
import org.oaplatform.conversations.entity.MessageSource;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.boundary.News;
import org.oaplatform.media.entity.NewsMedia;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;

/**
 * Customer-service messages (spec §4.1, §4.3): what an account sends a follower inside the service window. One
 * transaction per send: the follower's row is locked first ({@code Followers.receiver}: 40003, 43004, 43019), the
 * media are checked (40007), the message is stored in the conversation and then counted by the window (45015,
 * 45047); any refusal rolls all of it back, so a refused send leaves nothing behind.
 */
@Stateless
public class CustomMessages {

    @Inject
    Followers followers;

    @Inject
    Media media;

    @Inject
    News news;

    @Inject
    Conversations conversations;

    @Inject
    ServiceWindows windows;

    @Inject
    Clock clock;

    public ConversationMessage send(AccountId account, JsonObject body) {
        return send(account, CustomMessage.read(body), MessageSource.CUSTOM_MESSAGE);
    }

    /** The one way an account answers inside the window: the developer API and the operators' inbox both come here. */
    public ConversationMessage send(AccountId account, CustomMessage message, MessageSource source) {
        Follower follower = followers.receiver(account, message.openid());
        message.media().forEach(use -> media.requireUsableByAccount(account, use.mediaId(), use.kind()));
        JsonObject content = message.type() == MessageType.MPNEWS ? withArticles(account, message.content())
                : message.content();
        // stored before the window is counted: the conversation row is locked before the window row, as everywhere
        ConversationMessage stored = conversations.recordOutgoing(account, follower.openid(), message.type(),
                content, source);
        windows.spend(follower, clock.instant());
        message.media().forEach(use -> media.grantToPerson(use.mediaId(), follower.personId()));
        if (content.containsKey("articles") && message.type() == MessageType.MPNEWS) {
            content.getJsonArray("articles").getValuesAs(JsonObject.class).forEach(article -> media
                    .grantToPersonIfLiving(article.getString("thumbMediaId"), follower.personId()));
        }
        return stored;
    }

    /**
     * An {@code mpnews} send shows one article (spec §4.1: 45008 otherwise), stored with the message so that the
     * conversation outlives the news; its thumbnail becomes the follower's to read.
     */
    private JsonObject withArticles(AccountId account, JsonObject content) {
        NewsMedia found = news.ofAccount(account, content.getString("mediaId"));
        if (found.articleCount() > 1) {
            throw new BusinessException(WindowError.TOO_MANY_ARTICLES, "a customer-service mpnews has one article,"
                    + " the news has " + found.articleCount());
        }
        JsonArray articles = JSON.createReader(new StringReader(found.articles())).readArray();
        return JSON.createObjectBuilder(content).add("articles", articles).build();
    }

    /** {@code command} is {@code Typing} or {@code CancelTyping}, as WeChat spells them. */
    public void typing(AccountId account, String openid, String command) {
        boolean typing = "Typing".equals(command);
        if (!typing && !"CancelTyping".equals(command)) {
            throw new BusinessException(ConversationError.INVALID_MESSAGE, "command is Typing or CancelTyping");
        }
        Follower follower = followers.receiver(account, openid);
        windows.typing(follower, typing, clock.instant());
    }
}
