package org.oaplatform.payments.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One balanced entry of the ledger: two or more legs whose amounts sum to zero. Immutable once written; a mistake
 * is undone by a new posting that {@code reverses} it.
 */
@Entity
@Table(name = "posting")
@NamedQuery(name = Posting.BY_PUBLIC_ID, query = "SELECT p FROM Posting p WHERE p.publicId = :publicId")
@NamedQuery(name = Posting.BY_REFERENCE, query = "SELECT p FROM Posting p WHERE p.reference = :reference ORDER BY p.id")
public class Posting {

    /** Starts every public id of a {@code Posting}: the kind of a reference is readable from it. */
    public static final String ID_PREFIX = "pst_";

    public static final String BY_PUBLIC_ID = "Posting.byPublicId";
    public static final String BY_REFERENCE = "Posting.byReference";

    /** From {@code TimeOrderedIds}: assigned before the insert, so inserts batch and nothing is read back. */
    @Id
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 20)
    private String publicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private PostingKind kind;

    @Column(nullable = false, updatable = false, length = 40)
    private String reference;

    @Column(name = "reverses_id", updatable = false)
    private Long reversesId;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    @OneToMany(mappedBy = "posting", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<PostingLeg> legs = new ArrayList<>();

    protected Posting() {
    }

    public Posting(long id, String publicId, PostingKind kind, String reference, Long reversesId, Instant postedAt) {
        this.id = id;
        this.publicId = publicId;
        this.kind = kind;
        this.reference = reference;
        this.reversesId = reversesId;
        this.postedAt = postedAt;
    }

    public void addLeg(long legId, LedgerAccount account, long amount, long balanceAfter) {
        legs.add(new PostingLeg(legId, this, account.id(), amount, balanceAfter, postedAt));
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public PostingKind kind() {
        return kind;
    }

    public String reference() {
        return reference;
    }

    public Long reversesId() {
        return reversesId;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public List<PostingLeg> legs() {
        return Collections.unmodifiableList(legs);
    }
}
