package org.oaplatform.portal.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.oaplatform.payments.boundary.LedgerInspection;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * {@code portal/admin/ledger.xhtml}: the ledger audit for platform administrators. The invariants in words, the
 * outcome of the latest run for each (the nightly one or an administrator's), and running it again on demand. The
 * checks themselves are SQL in the payments component ({@code LedgerAudit}); this page only tells what they found.
 */
@Named
@ViewScoped
public class LedgerBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The invariants in the order the page lists them; each has {@code ledger.invariant.<name>} texts. */
    public enum Invariant {
        BALANCED_POSTINGS, BALANCES_MATCH_LEGS, NO_FORBIDDEN_NEGATIVES, BALANCES_SUM_TO_ZERO, ESCROW_MATCHES
    }

    /**
     * One invariant's line. {@code passed} is {@code null} before the audit has ever run. An invariant about single
     * postings or accounts has {@code count} (how many break it) of {@code checked} (how many there are); one about
     * sums has {@code amount} (fen): the sum, or by how much it is off.
     */
    public record Check(Invariant invariant, Boolean passed, Long count, Long checked, Long amount)
            implements Serializable {
    }

    /** The latest run as the page shows it. */
    public record Audit(OffsetDateTime ranAt, boolean passed, long postings, long accounts, long durationMs,
            String findings, List<Check> checks) implements Serializable {

        static Audit of(LedgerInspection.AuditView run) {
            List<Check> checks = List.of(
                    counted(Invariant.BALANCED_POSTINGS, run.unbalancedPostings(), run.postings()),
                    counted(Invariant.BALANCES_MATCH_LEGS, run.mismatchedBalances(), run.accounts()),
                    counted(Invariant.NO_FORBIDDEN_NEGATIVES, run.forbiddenNegatives(), run.accounts()),
                    summed(Invariant.BALANCES_SUM_TO_ZERO, run.balanceTotal()),
                    summed(Invariant.ESCROW_MATCHES, run.escrowDifference()));
            return new Audit(run.ranAt().atOffset(ZoneOffset.UTC), run.passed(), run.postings(), run.accounts(),
                    run.durationMs(), run.findings(), checks);
        }

        private static Check counted(Invariant invariant, long offenders, long checked) {
            return new Check(invariant, offenders == 0, offenders, checked, null);
        }

        private static Check summed(Invariant invariant, long difference) {
            return new Check(invariant, difference == 0, null, null, difference);
        }
    }

    @Inject
    LedgerInspection inspection;

    @Inject
    PortalUser user;

    private Audit latest;
    private List<Check> checks = List.of();

    public void load() {
        show(inspection.latestAudit(user.id()).map(Audit::of).orElse(null));
    }

    public void run() {
        show(Audit.of(inspection.runAudit(user.id())));
        if (latest.passed()) {
            PortalMessages.info("ledger.run.passed", latest.postings(), latest.accounts());
        } else {
            PortalMessages.error("ledger.run.failed");
        }
    }

    private void show(Audit audit) {
        latest = audit;
        checks = audit != null ? audit.checks()
                : Arrays.stream(Invariant.values()).map(i -> new Check(i, null, null, null, null)).toList();
    }

    /** The latest run, or {@code null} when the audit has never run. */
    public Audit getLatest() {
        return latest;
    }

    /** One line per invariant: with the latest run's outcome, or without one when there is none yet. */
    public List<Check> getChecks() {
        return checks;
    }
}
