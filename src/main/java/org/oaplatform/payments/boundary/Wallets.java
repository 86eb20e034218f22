package org.oaplatform.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.control.PaymentPasswords;
import org.oaplatform.payments.control.WithdrawalFee;
import org.oaplatform.payments.entity.LedgerAccount;
import org.oaplatform.payments.entity.Wallet;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.InstantConverter;
import org.oaplatform.platform.control.PlatformError;

/**
 * Wallets and their payment passwords. A wallet is opened on first use (nobody has to "create" one to receive
 * money). The password guards everything that sends money away; five wrong tries lock it for three hours, and the
 * wrong tries are counted in their own transaction, so they stick although the request fails.
 */
@Stateless
public class Wallets {

    public record WalletView(long balance, String currency, boolean paymentPasswordSet,
            Instant paymentPasswordLockedUntil, long freeWithdrawalQuotaLeft) {
    }

    public record LockedPassword(String phone, String displayName, int failures, Instant lockedUntil) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PaymentPasswords passwords;

    @Inject
    PasswordFailures failures;

    @Inject
    AuditLog audit;

    @Inject
    People people;

    /** The person's wallet, opened now if they have none. */
    public Wallet open(long personId) {
        Wallet wallet = em.find(Wallet.class, personId);
        if (wallet != null) {
            return wallet;
        }
        Instant now = clock.instant();
        // Two first uses may race: the unique keys make the second insert a no-op once the first commits.
        em.createNativeQuery("INSERT IGNORE INTO ledger_account (kind, person_id, shard, balance, may_go_negative,"
                        + " created_at) VALUES ('WALLET', ?1, 0, 0, FALSE, ?2)")
                .setParameter(1, personId).setParameter(2, InstantConverter.utc(now)).executeUpdate();
        em.createNativeQuery("INSERT IGNORE INTO wallet (person_id, account_id, created_at)"
                        + " SELECT person_id, id, ?2 FROM ledger_account WHERE person_id = ?1")
                .setParameter(1, personId).setParameter(2, InstantConverter.utc(now)).executeUpdate();
        // A locking read sees the row even when another transaction committed it after this one's snapshot.
        return em.find(Wallet.class, personId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Reading opens nothing: a person who never used the wallet sees an empty one. */
    public WalletView view(long personId) {
        Wallet wallet = em.find(Wallet.class, personId);
        if (wallet == null) {
            return new WalletView(0, "CNY", false, null, WithdrawalFee.LIFETIME_FREE_FEN);
        }
        LedgerAccount account = em.find(LedgerAccount.class, wallet.accountId());
        Instant now = clock.instant();
        return new WalletView(account.balance(), "CNY", wallet.hasPassword(),
                wallet.isPasswordLockedAt(now) ? wallet.passwordLockedUntil() : null,
                Math.max(0, WithdrawalFee.LIFETIME_FREE_FEN - wallet.freeWithdrawalUsed()));
    }

    /** Sets the first payment password, or changes it when the current one is given. */
    public void setPassword(long personId, String newPassword, String currentPassword) {
        Wallet wallet = open(personId);
        if (wallet.hasPassword()) {
            if (currentPassword == null) {
                throw new BusinessException(PaymentError.PAYMENT_PASSWORD_WRONG,
                        "changing the payment password needs the current one");
            }
            wallet = requirePassword(personId, currentPassword);
        }
        if (newPassword == null || !PaymentPasswords.acceptable(newPassword)) {
            throw new BusinessException(PaymentError.PAYMENT_PASSWORD_INVALID);
        }
        boolean first = !wallet.hasPassword();
        wallet.changePassword(passwords.hash(newPassword), clock.instant());
        audit.record(first ? "payment-password.set" : "payment-password.changed", "person:" + personId, null);
    }

    /**
     * The wallet of a person who proved the payment password.
     *
     * @throws BusinessException when no password was set
     * @throws BusinessException when it is wrong or locked
     */
    public Wallet requirePassword(long personId, String password) {
        Wallet wallet = em.find(Wallet.class, personId);
        if (wallet == null || !wallet.hasPassword()) {
            throw new BusinessException(PaymentError.PAYMENT_PASSWORD_NOT_SET);
        }
        Instant now = clock.instant();
        if (wallet.isPasswordLockedAt(now)) {
            throw locked(wallet.passwordLockedUntil());
        }
        if (password == null || !passwords.matches(password, wallet.passwordHash())) {
            Wallet counted = failures.record(personId, now);
            if (counted.isPasswordLockedAt(now)) {
                throw locked(counted.passwordLockedUntil());
            }
            throw new BusinessException(PaymentError.PAYMENT_PASSWORD_WRONG, "wrong payment password; "
                    + (Wallet.MAX_PASSWORD_FAILURES - counted.passwordFailures())
                    + " tries left before it locks for 3 hours");
        }
        if (wallet.passwordFailures() > 0) {
            wallet.passwordAccepted();
        }
        if (passwords.needsRehash(wallet.passwordHash())) {
            // Only now is the PIN at hand: a hash made before OA_SECRET_KEY was set, or with older parameters, is
            // replaced by the current form, so that a leaked old dump stops being the weaker copy.
            wallet.rehashPassword(passwords.hash(password));
            audit.record("payment-password.rehashed", "person:" + personId, null);
        }
        return wallet;
    }

    public List<LockedPassword> lockedPasswords() {
        List<Wallet> wallets = em.createNamedQuery(Wallet.LOCKED_PASSWORDS, Wallet.class)
                .setParameter("now", clock.instant()).setMaxResults(500).getResultList();
        Map<Long, Person> owners = people.byIds(wallets.stream().map(Wallet::personId).toList()).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        return wallets.stream().map(w -> {
            Person person = owners.get(w.personId());
            return new LockedPassword(person.phone(), person.displayName(), w.passwordFailures(),
                    w.passwordLockedUntil());
        }).toList();
    }

    /** An administrator lifts a lock early, e.g. after confirming the owner's identity. */
    public void unlockPassword(long adminId, long personId) {
        people.requirePlatformAdmin(adminId);
        Wallet wallet = em.find(Wallet.class, personId, LockModeType.PESSIMISTIC_WRITE);
        if (wallet == null || !wallet.isPasswordLockedAt(clock.instant())) {
            throw new BusinessException(PlatformError.NOT_FOUND, "this payment password is not locked");
        }
        wallet.passwordAccepted();
        audit.record("payment-password.unlocked", "person:" + personId, "by person:" + adminId);
    }

    private static BusinessException locked(Instant until) {
        return new BusinessException(PaymentError.PAYMENT_PASSWORD_LOCKED,
                "too many wrong payment passwords; locked until " + until);
    }
}
