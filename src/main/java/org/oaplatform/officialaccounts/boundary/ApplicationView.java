package org.oaplatform.officialaccounts.boundary;

import java.time.Instant;
import java.util.List;
import org.oaplatform.officialaccounts.entity.ApplicationStatus;
import org.oaplatform.officialaccounts.entity.DocumentType;
import org.oaplatform.officialaccounts.entity.VerificationApplication;

/** A verification application as owners and admins see it (documents without their bytes). */
public record ApplicationView(String id, String appid, String accountName, ApplicationStatus status,
        Instant submittedAt, Instant decidedAt, String reason, List<DocumentView> documents) {

    public record DocumentView(DocumentType type, String fileName, String contentType, int size) {
    }

    static ApplicationView of(VerificationApplication v) {
        return new ApplicationView(v.publicId(), v.account().appId(), v.account().name(), v.status(), v.submittedAt(),
                v.decidedAt(), v.decisionReason(), v.documents().stream()
                        .map(d -> new DocumentView(d.type(), d.fileName(), d.contentType(), d.size())).toList());
    }
}
