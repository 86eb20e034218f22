package org.oaplatform.payments.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.oaplatform.payments.entity.LedgerAuditRun;

/**
 * Re-checks the ledger's invariants with SQL, independently of the code that wrote it: every posting has two or more
 * legs summing to zero; every stored balance equals the sum of its account's legs; no account that must not go
 * negative is negative; all balances together sum to zero; and the escrow accounts hold exactly the pending
 * transfers and the unclaimed red-packet money, the merchant accounts exactly their paid orders less refunds. All queries read
 * one snapshot (one transaction), so concurrent postings cannot make a consistent ledger look broken. Runs nightly,
 * and on demand for administrators and tests.
 */
@Stateless
public class LedgerAudit {

    private static final Logger LOG = Logger.getLogger(LedgerAudit.class.getName());
    private static final int EXAMPLES = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(hour = "3", minute = "17", persistent = true, info = "ledger-audit")
    void nightly() {
        LedgerAuditRun run = run();
        if (!run.passed()) {
            LOG.severe(() -> "The ledger audit failed: " + run.findings());
        }
    }

    public LedgerAuditRun run() {
        long started = System.nanoTime();
        StringBuilder findings = new StringBuilder();
        long postings = count("SELECT COUNT(*) FROM posting");
        long accounts = count("SELECT COUNT(*) FROM ledger_account");
        // The legs are summed per posting first: joined leg by leg and grouped afterwards, MariaDB chose a
        // block-nested-loop join over the whole leg table, and 200 000 postings took more than ten minutes (0.4 s so).
        List<?> unbalanced = em.createNativeQuery("SELECT p.public_id FROM posting p LEFT JOIN (SELECT posting_id,"
                + " COUNT(*) AS legs, SUM(amount) AS total FROM posting_leg GROUP BY posting_id) l"
                + " ON l.posting_id = p.id WHERE l.posting_id IS NULL OR l.legs < 2 OR l.total <> 0").getResultList();
        note(findings, "unbalanced postings", unbalanced);
        List<?> mismatched = em.createNativeQuery("SELECT CONCAT(a.id, ': stored ', a.balance, ', legs ',"
                + " COALESCE(s.total, 0)) FROM ledger_account a LEFT JOIN (SELECT account_id, SUM(amount) AS total"
                + " FROM posting_leg GROUP BY account_id) s ON s.account_id = a.id"
                + " WHERE a.balance <> COALESCE(s.total, 0)").getResultList();
        note(findings, "balances unlike their legs", mismatched);
        List<?> negative = em.createNativeQuery("SELECT CONCAT(id, ': ', balance) FROM ledger_account"
                + " WHERE balance < 0 AND NOT may_go_negative").getResultList();
        note(findings, "forbidden negative balances", negative);
        long total = count("SELECT COALESCE(SUM(balance), 0) FROM ledger_account");
        if (total != 0) {
            findings.append("balances sum to ").append(total).append(" instead of 0; ");
        }
        long transferEscrow = count("SELECT COALESCE(SUM(balance), 0) FROM ledger_account"
                + " WHERE kind = 'TRANSFER_ESCROW'")
                - count("SELECT COALESCE(SUM(amount), 0) FROM transfer WHERE status = 'PENDING'");
        long packetEscrow = count("SELECT COALESCE(SUM(balance), 0) FROM ledger_account"
                + " WHERE kind = 'RED_PACKET_ESCROW'")
                - count("SELECT COALESCE(SUM(remaining_amount), 0) FROM red_packet WHERE status = 'ACTIVE'");
        if (transferEscrow != 0) {
            findings.append("transfer escrow differs from pending transfers by ").append(transferEscrow).append("; ");
        }
        if (packetEscrow != 0) {
            findings.append("red-packet escrow differs from unclaimed money by ").append(packetEscrow).append("; ");
        }
        // A merchant account holds its paid orders less their refunds (a refund's money moves when it is accepted)
        // and less what its settlements took (a failed one was reversed).
        long merchants = count("SELECT COALESCE(SUM(balance), 0) FROM ledger_account WHERE kind = 'MERCHANT'")
                - count("SELECT COALESCE(SUM(total_fee), 0) FROM merchant_order WHERE state IN ('SUCCESS', 'REFUND')")
                + count("SELECT COALESCE(SUM(refund_fee), 0) FROM merchant_refund")
                + count("SELECT COALESCE(SUM(amount), 0) FROM merchant_settlement"
                        + " WHERE status IN ('PROCESSING', 'SUCCEEDED')");
        if (merchants != 0) {
            findings.append("merchant accounts differ from paid orders by ").append(merchants).append("; ");
        }
        String text = findings.isEmpty() ? null : findings.substring(0, Math.min(findings.length(), 2000));
        long businessDifference = Math.abs(transferEscrow) + Math.abs(packetEscrow) + Math.abs(merchants);
        LedgerAuditRun run = new LedgerAuditRun(clock.instant(), postings, accounts, unbalanced.size(),
                mismatched.size(), negative.size(), total, businessDifference, text,
                (System.nanoTime() - started) / 1_000_000);
        em.persist(run);
        return run;
    }

    public Optional<LedgerAuditRun> latest() {
        return em.createNamedQuery(LedgerAuditRun.LATEST, LedgerAuditRun.class).setMaxResults(1).getResultStream()
                .findFirst();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private static void note(StringBuilder findings, String what, List<?> rows) {
        if (!rows.isEmpty()) {
            findings.append(rows.size()).append(' ').append(what).append(", e.g. ")
                    .append(rows.subList(0, Math.min(EXAMPLES, rows.size()))).append("; ");
        }
    }
}
