package org.oaplatform.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** Money pulled from a linked card into the wallet. It exists only once the bank approved and the posting is made. */
@Entity
@Table(name = "top_up")
@NamedQuery(name = TopUp.BY_PUBLIC_IDS, query = "SELECT t FROM TopUp t WHERE t.publicId IN :ids")
public class TopUp {

    public static final String BY_PUBLIC_IDS = "TopUp.byPublicIds";

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

    @Column(name = "posting_id", nullable = false, updatable = false)
    private long postingId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TopUp() {
    }

    public TopUp(String publicId, long personId, long cardId, long amount, long postingId, Instant createdAt) {
        this.publicId = publicId;
        this.personId = personId;
        this.cardId = cardId;
        this.amount = amount;
        this.postingId = postingId;
        this.createdAt = createdAt;
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

    public Instant createdAt() {
        return createdAt;
    }
}
