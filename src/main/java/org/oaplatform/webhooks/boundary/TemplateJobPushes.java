package org.oaplatform.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.templates.boundary.TemplateMessageSent;
import org.oaplatform.webhooks.control.PushXml;

/**
 * The {@code TEMPLATESENDJOBFINISH} push that follows a template message (spec §2.3, §5.1), recorded in the send's
 * transaction and delivered after it. Delivery to the follower happens in that transaction (the message is in their
 * conversation when it commits), and the send refuses blacklisted followers, so the status is always
 * {@code success}.
 */
@ApplicationScoped
public class TemplateJobPushes {

    static final String SUCCESS = "success";

    @PersistenceContext
    EntityManager em;

    @Inject
    Pushes pushes;

    void sent(@Observes TemplateMessageSent e) {
        // the follower row was locked by the send in this transaction: read from the persistence context
        String openid = em.find(Follower.class, e.followerId()).openid();
        pushes.record(FollowerAction.event(e.accountId(), openid, "TEMPLATESENDJOBFINISH", e.sentAt(),
                header -> PushXml.templateSendJobFinish(header, e.msgId(), SUCCESS)));
    }
}
