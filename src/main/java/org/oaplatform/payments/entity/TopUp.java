package org.oaplatform.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Money pulled from a linked card into the wallet. Recorded {@link TopUpStatus#PENDING} before the bank is asked, so
 * that a charge the bank made is never forgotten; posted only once the bank confirmed it.
 */
@Entity
@Table(name = "top_up")
@NamedQuery(name = TopUp.BY_PUBLIC_IDS, query = "SELECT t FROM TopUp t WHERE t.publicId IN :ids")
@NamedQuery(name = TopUp.DUE, query = "SELECT t.id FROM TopUp t WHERE t.status = :status"
        + " AND t.createdAt <= :before ORDER BY t.id")
public class TopUp {

    /** Starts every public id of a {@code TopUp}: the kind of a reference is readable from it. */
    public static final String ID_PREFIX = "top_";

    public static final String BY_PUBLIC_IDS = "TopUp.byPublicIds";
    public static final String DUE = "TopUp.due";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 20)
    private String publicId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "card_id", nullable = false, updatable = false)
    private long cardId;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private TopUpStatus status;

    /** The client's key for the request that made it, so that whoever settles it can complete the stored answer. */
    @Column(name = "idem_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "posting_id")
    private Long postingId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected TopUp() {
    }

    public TopUp(String publicId, long personId, long cardId, long amount, String idempotencyKey, Instant createdAt) {
        this.publicId = publicId;
        this.personId = personId;
        this.cardId = cardId;
        this.amount = amount;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
        this.status = TopUpStatus.PENDING;
    }

    public long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public long personId() {
        return personId;
    }

    public long cardId() {
        return cardId;
    }

    public long amount() {
        return amount;
    }

    public TopUpStatus status() {
        return status;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Long postingId() {
        return postingId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public boolean isPending() {
        return status == TopUpStatus.PENDING;
    }

    public void succeeded(long postingId, Instant now) {
        this.status = TopUpStatus.SUCCEEDED;
        this.postingId = postingId;
        this.settledAt = now;
    }

    public void failed(Instant now) {
        this.status = TopUpStatus.FAILED;
        this.settledAt = now;
    }
}
