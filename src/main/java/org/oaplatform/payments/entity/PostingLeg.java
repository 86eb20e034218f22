package org.oaplatform.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** What one posting adds to one account (negative takes away), with the balance it left behind. */
@Entity
@Table(name = "posting_leg")
@NamedQuery(name = PostingLeg.BALANCE_BEFORE, query = "SELECT l.balanceAfter FROM PostingLeg l"
        + " WHERE l.accountId = :accountId AND l.postedAt < :before ORDER BY l.id DESC")
public class PostingLeg {

    public static final String BALANCE_BEFORE = "PostingLeg.balanceBefore";

    /** From {@code TimeOrderedIds}, like the posting's: legs of a posting are ordered by it. */
    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "posting_id", nullable = false, updatable = false)
    private Posting posting;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(name = "balance_after", nullable = false, updatable = false)
    private long balanceAfter;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    protected PostingLeg() {
    }

    PostingLeg(long id, Posting posting, long accountId, long amount, long balanceAfter, Instant postedAt) {
        this.id = id;
        this.posting = posting;
        this.accountId = accountId;
        this.amount = amount;
        this.balanceAfter = balanceAfter;
        this.postedAt = postedAt;
    }

    public Long id() {
        return id;
    }

    public Posting posting() {
        return posting;
    }

    public long accountId() {
        return accountId;
    }

    public long amount() {
        return amount;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public Instant postedAt() {
        return postedAt;
    }
}
