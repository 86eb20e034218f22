package org.oaplatform.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time code sent to a phone. Only its hash is kept. The newest code of a phone is the only one that can be
 * used; it is spent by use, burnt by too many wrong tries, and dead after its expiry.
 */
@Entity
@Table(name = "verification_code")
@NamedQueries({
    @NamedQuery(name = VerificationCode.NEWEST_FOR_PHONE,
            query = "SELECT c FROM VerificationCode c WHERE c.phone = :phone ORDER BY c.createdAt DESC, c.id DESC"),
    @NamedQuery(name = VerificationCode.COUNT_FOR_PHONE_SINCE,
            query = "SELECT COUNT(c) FROM VerificationCode c WHERE c.phone = :phone AND c.createdAt > :since"),
    @NamedQuery(name = VerificationCode.COUNT_FROM_ADDRESS_SINCE,
            query = "SELECT COUNT(c) FROM VerificationCode c WHERE c.requestedFrom = :address AND c.createdAt > :since"),
    @NamedQuery(name = VerificationCode.RECORD_WRONG_TRY,
            query = "UPDATE VerificationCode c SET c.failedAttempts = c.failedAttempts + 1 WHERE c.id = :id"),
    @NamedQuery(name = VerificationCode.SPEND,
            query = "UPDATE VerificationCode c SET c.spentAt = :now WHERE c.id = :id AND c.spentAt IS NULL"
                    + " AND c.failedAttempts < :maxAttempts AND c.expiresAt > :now")
})
public class VerificationCode {

    public static final String NEWEST_FOR_PHONE = "VerificationCode.newestForPhone";
    public static final String COUNT_FOR_PHONE_SINCE = "VerificationCode.countForPhoneSince";
    public static final String COUNT_FROM_ADDRESS_SINCE = "VerificationCode.countFromAddressSince";
    public static final String RECORD_WRONG_TRY = "VerificationCode.recordWrongTry";
    public static final String SPEND = "VerificationCode.spend";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String phone;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "requested_from", length = 64)
    private String requestedFrom;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "spent_at")
    private Instant spentAt;

    protected VerificationCode() {
    }

    public VerificationCode(String phone, String codeHash, String requestedFrom, Instant createdAt, Instant expiresAt) {
        this.phone = phone;
        this.codeHash = codeHash;
        this.requestedFrom = requestedFrom;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long id() {
        return id;
    }

    public String codeHash() {
        return codeHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public boolean spent() {
        return spentAt != null;
    }
}
