package org.oaplatform.conversations.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import org.oaplatform.conversations.control.ConversationError;
import org.oaplatform.conversations.control.CustomMessage;
import org.oaplatform.conversations.entity.ConversationMessage;
import org.oaplatform.conversations.entity.MessageSource;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.media.boundary.Media;
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
        // stored before the window is counted: the conversation row is locked before the window row, as everywhere
        ConversationMessage stored = conversations.recordOutgoing(account, follower.openid(), message.type(),
                message.content(), source);
        windows.spend(follower, clock.instant());
        message.media().forEach(use -> media.grantToPerson(use.mediaId(), follower.personId()));
        return stored;
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
