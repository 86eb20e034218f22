package org.oaplatform.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.oaplatform.broadcasts.boundary.BroadcastFinished;
import org.oaplatform.webhooks.control.PushXml;

/**
 * The {@code MASSSENDJOBFINISH} push of a finished broadcast (spec §2.3), recorded in the transaction of its last
 * chunk and delivered after it, from WeChat's {@code mphelper}.
 */
@ApplicationScoped
public class MassJobPushes {

    static final String MPHELPER = "mphelper";
    static final String SUCCESS = "send success";

    @Inject
    Pushes pushes;

    void finished(@Observes BroadcastFinished e) {
        pushes.record(FollowerAction.event(e.accountId(), MPHELPER, "MASSSENDJOBFINISH", e.at(),
                header -> PushXml.massSendJobFinish(header, e.msgId(), SUCCESS, e.totalCount(), e.filterCount(),
                        e.sentCount(), e.errorCount())));
    }
}
