package org.oaplatform.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The result of one run of the ledger audit, kept so that admins see when the invariants last held. */
@Entity
@Table(name = "ledger_audit_run")
@NamedQuery(name = LedgerAuditRun.LATEST, query = "SELECT r FROM LedgerAuditRun r ORDER BY r.id DESC")
public class LedgerAuditRun {

    public static final String LATEST = "LedgerAuditRun.latest";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ran_at", nullable = false)
    private Instant ranAt;

    @Column(nullable = false)
    private boolean passed;

    @Column(nullable = false)
    private long postings;

    @Column(nullable = false)
    private long accounts;

    @Column(name = "unbalanced_postings", nullable = false)
    private long unbalancedPostings;

    @Column(name = "mismatched_balances", nullable = false)
    private long mismatchedBalances;

    @Column(name = "forbidden_negatives", nullable = false)
    private long forbiddenNegatives;

    @Column(name = "balance_total", nullable = false)
    private long balanceTotal;

    @Column(name = "escrow_difference", nullable = false)
    private long escrowDifference;

    @Column(length = 2000)
    private String findings;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    protected LedgerAuditRun() {
    }

    public LedgerAuditRun(Instant ranAt, long postings, long accounts, long unbalancedPostings,
            long mismatchedBalances, long forbiddenNegatives, long balanceTotal, long escrowDifference,
            String findings, long durationMs) {
        this.ranAt = ranAt;
        this.postings = postings;
        this.accounts = accounts;
        this.unbalancedPostings = unbalancedPostings;
        this.mismatchedBalances = mismatchedBalances;
        this.forbiddenNegatives = forbiddenNegatives;
        this.balanceTotal = balanceTotal;
        this.escrowDifference = escrowDifference;
        this.findings = findings;
        this.durationMs = durationMs;
        this.passed = unbalancedPostings == 0 && mismatchedBalances == 0 && forbiddenNegatives == 0
                && balanceTotal == 0 && escrowDifference == 0;
    }

    public Instant ranAt() {
        return ranAt;
    }

    public boolean passed() {
        return passed;
    }

    public long postings() {
        return postings;
    }

    public long accounts() {
        return accounts;
    }

    public long unbalancedPostings() {
        return unbalancedPostings;
    }

    public long mismatchedBalances() {
        return mismatchedBalances;
    }

    public long forbiddenNegatives() {
        return forbiddenNegatives;
    }

    public long balanceTotal() {
        return balanceTotal;
    }

    public long escrowDifference() {
        return escrowDifference;
    }

    public String findings() {
        return findings;
    }

    public long durationMs() {
        return durationMs;
    }
}
