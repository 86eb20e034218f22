package org.oaplatform.officialaccounts.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.officialaccounts.control.DocumentRules;
import org.oaplatform.officialaccounts.control.OfficialAccountError;
import org.oaplatform.officialaccounts.entity.ApplicationStatus;
import org.oaplatform.officialaccounts.entity.DocumentType;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.Membership;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.officialaccounts.entity.VerificationApplication;
import org.oaplatform.officialaccounts.entity.VerificationStatus;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.Text;

/**
 * Verification review: owners apply with documents, platform admins approve (verified for a year) or reject with a
 * reason, and an hourly persistent timer records the lapse of verifications nobody renewed. The API and the portal
 * both come through here.
 */
@Stateless
public class Verifications {

    private static final Logger LOG = Logger.getLogger(Verifications.class.getName());

    public record Document(DocumentType type, String fileName, String contentType, byte[] content) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    OfficialAccounts accounts;

    @Inject
    People people;

    @Inject
    AuditLog audit;

    @Inject
    AccountAdmissions admissions;

    public VerificationApplication apply(long personId, String appId, List<Document> documents) {
        OfficialAccount account = accounts.requireRole(personId, appId, MemberRole.OWNER, MemberRole.ADMIN).account();
        if (!account.mayBeVerified()) {
            throw new BusinessException(OfficialAccountError.NOT_ELIGIBLE, "individual accounts cannot be verified");
        }
        if (hasPendingApplication(account)) {
            throw new BusinessException(PlatformError.INVALID_STATE,
                    "an application for this account is already pending");
        }
        DocumentRules.checkCount(documents == null ? 0 : documents.size());
        VerificationApplication application = new VerificationApplication(
                ids.publicId(VerificationApplication.ID_PREFIX), account, personId,
                clock.instant());
        for (Document d : documents) {
            if (d == null || d.type() == null || d.fileName() == null || d.fileName().isBlank() || d.content() == null) {
                throw new BusinessException(OfficialAccountError.DOCUMENT_REJECTED,
                        "each document needs type, fileName and content");
            }
            String fileName = d.fileName().strip();
            if (fileName.length() > 200) {
                throw new BusinessException(OfficialAccountError.DOCUMENT_REJECTED,
                        "file names have at most 200 characters");
            }
            DocumentRules.check(fileName, d.contentType(), d.content());
            application.attach(d.type(), fileName, d.contentType(), d.content(), Hashing.sha256Hex(d.content()));
        }
        em.persist(application);
        account.verificationRequested();
        admissions.forget(account.id());
        audit.record("verification.applied", "app:" + appId, application.publicId());
        return application;
    }

    /**
     * Whether {@link #apply} would take an application from this member now (renewals of a verified account
     * included), for pages that offer it: the managing roles, an organisation's account, none pending.
     */
    public boolean mayApply(Membership membership) {
        return membership.role().mayManage() && membership.account().mayBeVerified()
                && !hasPendingApplication(membership.account());
    }

    public List<VerificationApplication> applications(long personId, String appId) {
        return applicationsOf(accounts.requireMember(personId, appId).account());
    }

    public List<VerificationApplication> queue(long adminId, ApplicationStatus status) {
        requireAdmin(adminId);
        return em.createNamedQuery(VerificationApplication.BY_STATUS, VerificationApplication.class)
                .setParameter("status", status).setMaxResults(500).getResultList();
    }

    public VerificationApplication approve(long adminId, String applicationId, String reason) {
        VerificationApplication application = pendingApplication(adminId, applicationId);
        Instant now = clock.instant();
        application.approve(adminId, now, Text.strippedOrNull(reason));
        application.account().verify(now);
        admissions.forget(application.account().id());
        audit.record("verification.approved", "app:" + application.account().appId(),
                application.publicId() + " until " + application.account().verifiedUntil());
        return application;
    }

    public VerificationApplication reject(long adminId, String applicationId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a rejection needs a reason");
        }
        if (reason.length() > 500) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "the reason has at most 500 characters");
        }
        VerificationApplication application = pendingApplication(adminId, applicationId);
        application.reject(adminId, clock.instant(), reason.strip());
        application.account().verificationRejected();
        admissions.forget(application.account().id());
        audit.record("verification.rejected", "app:" + application.account().appId(),
                application.publicId() + ": " + reason.strip());
        return application;
    }

    /** Records the lapse of every verification whose year is over. Capability checks do not wait for it. */
    @Schedule(hour = "*", minute = "7", persistent = true, info = "verification-lapse")
    public void lapseExpiredVerifications() {
        Instant now = clock.instant();
        List<OfficialAccount> ranOut = em.createNamedQuery(OfficialAccount.VERIFICATION_RAN_OUT, OfficialAccount.class)
                .setParameter("verified", VerificationStatus.VERIFIED)
                .setParameter("now", now).getResultList();
        for (OfficialAccount account : ranOut) {
            account.lapse();
            admissions.forget(account.id());
            audit.record("verification.lapsed", "app:" + account.appId(), "verified until " + account.verifiedUntil());
        }
        if (!ranOut.isEmpty()) {
            LOG.info(() -> ranOut.size() + " verification(s) lapsed");
        }
    }

    private VerificationApplication pendingApplication(long adminId, String applicationId) {
        requireAdmin(adminId);
        // Locked: of two decisions at once the second waits, then finds the application decided.
        VerificationApplication application = Optional.ofNullable(applicationId)
                .filter(id -> Ids.isPublicId(VerificationApplication.ID_PREFIX, id))
                .flatMap(id -> em.createNamedQuery(VerificationApplication.BY_PUBLIC_ID, VerificationApplication.class)
                        .setParameter("publicId", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                        .findFirst())
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such verification application"));
        if (!application.isPending()) {
            throw new BusinessException(PlatformError.INVALID_STATE, "this application was already decided");
        }
        return application;
    }

    private void requireAdmin(long personId) {
        people.requirePlatformAdmin(personId);
    }

    private boolean hasPendingApplication(OfficialAccount account) {
        return applicationsOf(account).stream().anyMatch(VerificationApplication::isPending);
    }

    private List<VerificationApplication> applicationsOf(OfficialAccount account) {
        return em.createNamedQuery(VerificationApplication.OF_ACCOUNT, VerificationApplication.class)
                .setParameter("account", account).getResultList();
    }
}
