package org.oaplatform.portal.accounts;

import java.io.Serializable;
import java.util.Map;
import org.oaplatform.broadcasts.boundary.BroadcastReports;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.broadcasts.entity.BroadcastStatus;

/**
 * A broadcast in the page's list: what it says, to whom, its state and progress, when it is to go (scheduled ones),
 * who composed it in the portal or the operator API (developer API sends have nobody), and which of the desk's steps
 * apply to it. Who may take a step is the boundary's answer; the page only leaves out steps that cannot apply.
 */
public record BroadcastRow(String id, String status, String target, String summary, String createdAt, String sendAt,
        String composedBy, String decisionNote, long targeted, long delivered, Integer percent) implements Serializable {

    static BroadcastRow of(BroadcastReports.Row row, Map<Long, String> names) {
        Broadcast b = row.broadcast();
        return new BroadcastRow(Long.toString(b.id()), b.status().name(), b.target().name(),
                BroadcastStatistics.summary(b), BroadcastStatistics.time(b.createdAt()),
                BroadcastStatistics.time(b.sendAt()), b.composedBy() == null ? "" : names.getOrDefault(b.composedBy(),
                        ""), b.decisionNote(), b.totalCount(), b.sentCount(),
                row.progress() == null ? null : row.progress().percent());
    }

    public boolean isSending() {
        return BroadcastStatus.SENDING.name().equals(status);
    }

    public boolean isCancellable() {
        return BroadcastStatus.valueOf(status).cancellable();
    }

    public boolean isPendingApproval() {
        return BroadcastStatus.PENDING_APPROVAL.name().equals(status);
    }
}
