package org.oaplatform.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.control.PhoneNumbers;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.LedgerAccount;
import org.oaplatform.payments.entity.LedgerAuditRun;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.TopUpStatus;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * What platform administrators may see of the ledger, for the admin API and the portal alike: the audit, any
 * posting with all its legs, any person's statement, and locked payment passwords.
 */
@Stateless
public class LedgerInspection {

    public record AuditView(Instant ranAt, boolean passed, long postings, long accounts, long unbalancedPostings,
            long mismatchedBalances, long forbiddenNegatives, long balanceTotal, long escrowDifference,
            String findings, long durationMs) {

        static AuditView of(LedgerAuditRun run) {
            return new AuditView(run.ranAt(), run.passed(), run.postings(), run.accounts(), run.unbalancedPostings(),
                    run.mismatchedBalances(), run.forbiddenNegatives(), run.balanceTotal(), run.escrowDifference(),
                    run.findings(), run.durationMs());
        }
    }

    public record LegView(long accountId, AccountKind accountKind, int shard, String owner, long amount,
            long balanceAfter) {
    }

    public record PostingView(String id, PostingKind kind, String reference, String reverses, Instant postedAt,
            List<LegView> legs) {
    }

    @Inject
    People people;

    @Inject
    LedgerAudit audit;

    @Inject
    Ledger ledger;

    @Inject
    Statements statements;

    @Inject
    Wallets wallets;

    @Inject
    TopUps topUps;

    public AuditView runAudit(long adminId) {
        people.requirePlatformAdmin(adminId);
        return AuditView.of(audit.run());
    }

    public Optional<AuditView> latestAudit(long adminId) {
        people.requirePlatformAdmin(adminId);
        return audit.latest().map(AuditView::of);
    }

    /** A posting by its id, or every posting of a business reference (a transfer's, a packet's...). */
    public List<PostingView> postings(long adminId, String postingOrReference) {
        people.requirePlatformAdmin(adminId);
        String id = postingOrReference == null ? "" : postingOrReference.strip();
        List<Posting> found = id.startsWith(Posting.ID_PREFIX) ? ledger.byPublicId(id).map(List::of).orElse(List.of())
                : ledger.ofReference(id);
        if (found.isEmpty()) {
            throw new BusinessException(PlatformError.NOT_FOUND, unpostedTopUp(adminId, id)
                    .map(status -> "top-up " + id + " has no posting: it is " + status)
                    .orElse("no posting with this id or reference"));
        }
        return found.stream().map(this::view).toList();
    }

    /**
     * The state of the top-up {@code id} names when it has no posting: still waiting for the bank to confirm the
     * charge, or failed there. Empty for anything else, posted top-ups included.
     */
    public Optional<TopUpStatus> unpostedTopUp(long adminId, String id) {
        people.requirePlatformAdmin(adminId);
        return topUps.status(id).filter(status -> status != TopUpStatus.SUCCEEDED);
    }

    public Statements.Page statementOf(long adminId, String phone, Statements.Filter filter) {
        people.requirePlatformAdmin(adminId);
        return statements.of(person(phone).id(), filter);
    }

    public List<Wallets.LockedPassword> lockedPasswords(long adminId) {
        people.requirePlatformAdmin(adminId);
        return wallets.lockedPasswords();
    }

    public void unlockPassword(long adminId, String phone) {
        people.requirePlatformAdmin(adminId);
        wallets.unlockPassword(adminId, person(phone).id());
    }

    private Person person(String phone) {
        return people.byPhone(PhoneNumbers.normalise("CN", phone))
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no person with this phone number"));
    }

    private PostingView view(Posting posting) {
        Map<Long, LedgerAccount> accounts = ledger.accounts(posting.legs().stream().map(l -> l.accountId()).toList());
        Map<Long, Person> owners = new HashMap<>();
        people.byIds(accounts.values().stream().map(LedgerAccount::personId).filter(p -> p != null).toList())
                .forEach(p -> owners.put(p.id(), p));
        String reverses = posting.reversesId() == null ? null : ledger.get(posting.reversesId()).publicId();
        return new PostingView(posting.publicId(), posting.kind(), posting.reference(), reverses, posting.postedAt(),
                posting.legs().stream().map(l -> {
                    LedgerAccount account = accounts.get(l.accountId());
                    Person owner = account.personId() == null ? null : owners.get(account.personId());
                    return new LegView(account.id(), account.kind(), account.shard(),
                            owner == null ? "platform" : owner.displayName() + " (" + owner.phone() + ")",
                            l.amount(), l.balanceAfter());
                }).toList());
    }
}
