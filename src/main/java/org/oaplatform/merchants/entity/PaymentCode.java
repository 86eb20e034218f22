package org.oaplatform.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A payment code a person showed for a merchant to scan (/pay/micropay), kept only as its hash. It pays one order
 * within {@link #VALIDITY}; the micropay that uses it locks this row first, so two merchants racing for one code
 * cannot both take it.
 */
@Entity
@Table(name = "payment_code")
@NamedQuery(name = PaymentCode.ID_BY_HASH, query = "SELECT c.id FROM PaymentCode c WHERE c.codeHash = :hash")
public class PaymentCode {

    public static final String ID_BY_HASH = "PaymentCode.idByHash";
    public static final Duration VALIDITY = Duration.ofSeconds(60);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code_hash", nullable = false, updatable = false, length = 64)
    private String codeHash;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "order_id")
    private Long orderId;

    protected PaymentCode() {
    }

    public PaymentCode(String codeHash, long personId, Instant now) {
        this.codeHash = codeHash;
        this.personId = personId;
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    public void used(long order, Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("payment code " + id + " was used");
        }
        this.usedAt = now;
        this.orderId = order;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public long personId() {
        return personId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
