package org.oaplatform.officialaccounts.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An owner's request to have an account verified, with its documents and the admin's decision. */
@Entity
@Table(name = "verification_application")
@NamedQueries({
    @NamedQuery(name = VerificationApplication.BY_STATUS,
            query = "SELECT v FROM VerificationApplication v JOIN FETCH v.account WHERE v.status = :status ORDER BY v.submittedAt, v.id"),
    @NamedQuery(name = VerificationApplication.BY_PUBLIC_ID,
            query = "SELECT v FROM VerificationApplication v JOIN FETCH v.account WHERE v.publicId = :publicId"),
    @NamedQuery(name = VerificationApplication.OF_ACCOUNT,
            query = "SELECT v FROM VerificationApplication v WHERE v.account = :account ORDER BY v.submittedAt DESC, v.id DESC")
})
public class VerificationApplication {

    /** Starts every public id of a {@code VerificationApplication}: the kind of a reference is readable from it. */
    public static final String ID_PREFIX = "va_";

    public static final String BY_STATUS = "VerificationApplication.byStatus";
    public static final String BY_PUBLIC_ID = "VerificationApplication.byPublicId";
    public static final String OF_ACCOUNT = "VerificationApplication.ofAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private OfficialAccount account;

    @Column(name = "public_id", nullable = false, unique = true, length = 20)
    private String publicId;

    @Column(name = "submitted_by", nullable = false)
    private long submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ApplicationStatus status = ApplicationStatus.PENDING;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason", length = 500)
    private String decisionReason;

    // Eager: the API and the portal list the documents of applications the boundary has already returned, and JPA
    // leaves a lazy collection of a detached entity undefined (EclipseLink loads it, Hibernate throws). Their bytes
    // stay lazy where the provider can (EclipseLink weaves; Hibernate without bytecode enhancement reads them).
    @OneToMany(mappedBy = "application", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<VerificationDocument> documents = new ArrayList<>();

    protected VerificationApplication() {
    }

    public VerificationApplication(String publicId, OfficialAccount account, long submittedBy, Instant submittedAt) {
        this.publicId = publicId;
        this.account = account;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    public void attach(DocumentType type, String fileName, String contentType, byte[] content, String sha256) {
        documents.add(new VerificationDocument(this, type, fileName, contentType, content, sha256));
    }

    public boolean isPending() {
        return status == ApplicationStatus.PENDING;
    }

    public void approve(long adminId, Instant now, String reason) {
        decide(ApplicationStatus.APPROVED, adminId, now, reason);
    }

    public void reject(long adminId, Instant now, String reason) {
        decide(ApplicationStatus.REJECTED, adminId, now, reason);
    }

    private void decide(ApplicationStatus outcome, long adminId, Instant now, String reason) {
        status = outcome;
        decidedBy = adminId;
        decidedAt = now;
        decisionReason = reason;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public OfficialAccount account() {
        return account;
    }

    public long submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public ApplicationStatus status() {
        return status;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public List<VerificationDocument> documents() {
        return List.copyOf(documents);
    }
}
