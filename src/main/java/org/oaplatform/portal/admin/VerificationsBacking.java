package org.oaplatform.portal.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.oaplatform.officialaccounts.boundary.Verifications;
import org.oaplatform.officialaccounts.entity.ApplicationStatus;
import org.oaplatform.officialaccounts.entity.VerificationApplication;
import org.oaplatform.officialaccounts.entity.VerificationDocument;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/** {@code portal/admin/verifications.xhtml}: pending verification applications, approved or rejected with a reason. */
@Named
@ViewScoped
public class VerificationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Row(String id, String appid, String accountName, OffsetDateTime submittedAt, String documents)
            implements Serializable {

        static Row of(VerificationApplication application) {
            return new Row(application.publicId(), application.account().appId(), application.account().name(),
                    application.submittedAt().atOffset(ZoneOffset.UTC),
                    application.documents().stream().map(VerificationDocument::fileName)
                            .collect(Collectors.joining(", ")));
        }
    }

    @Inject
    Verifications verifications;

    @Inject
    PortalUser user;

    private List<Row> queue = List.of();
    private final Map<String, String> reasons = new HashMap<>();

    public void load() {
        queue = verifications.queue(user.id(), ApplicationStatus.PENDING).stream().map(Row::of).toList();
    }

    public void approve(Row row) {
        verifications.approve(user.id(), row.id(), reasons.get(row.id()));
        reasons.remove(row.id());
        PortalMessages.info("admin.approved", row.accountName());
        load();
    }

    public void reject(Row row) {
        verifications.reject(user.id(), row.id(), reasons.get(row.id()));
        reasons.remove(row.id());
        PortalMessages.info("admin.rejected", row.accountName());
        load();
    }

    public List<Row> getQueue() {
        return queue;
    }

    /** The reason typed into each row, by application id. */
    public Map<String, String> getReasons() {
        return reasons;
    }
}
