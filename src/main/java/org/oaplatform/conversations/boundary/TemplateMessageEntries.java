package org.oaplatform.conversations.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.oaplatform.conversations.entity.MessageSource;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.templates.boundary.TemplateMessageSent;

/**
 * A template message as the follower sees it in the conversation: its title and rendered text, with its msgid.
 * Observed inside the send's transaction, so the message and its conversation entry commit together. Template
 * messages do not spend the service window: they are how an account reaches a follower outside it.
 */
@ApplicationScoped
public class TemplateMessageEntries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    void sent(@Observes TemplateMessageSent e) {
        // the follower row was locked by the send in this transaction: read from the persistence context
        Follower follower = em.find(Follower.class, e.followerId());
        conversations.recordOutgoing(new AccountId(e.accountId()), follower.openid(), MessageType.TEMPLATE,
                JSON.createObjectBuilder().add("msgId", e.msgId()).add("title", e.title())
                        .add("content", e.rendered()).build(), MessageSource.TEMPLATE_MESSAGE);
    }
}
