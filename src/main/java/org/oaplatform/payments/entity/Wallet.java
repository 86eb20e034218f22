package org.oaplatform.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A person's wallet: which ledger account holds the money, the payment password guarding it, and how much of the
 * lifetime fee-free withdrawal quota is spent. The balance itself lives only on the ledger account.
 */
@Entity
@Table(name = "wallet")
@NamedQuery(name = Wallet.LOCKED_PASSWORDS, query = "SELECT w FROM Wallet w WHERE w.pinLockedUntil > :now"
        + " ORDER BY w.pinLockedUntil DESC")
public class Wallet {

    public static final String LOCKED_PASSWORDS = "Wallet.lockedPasswords";
    public static final int MAX_PASSWORD_FAILURES = 5;
    public static final Duration PASSWORD_LOCK = Duration.ofHours(3);

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "pin_hash", length = 200)
    private String pinHash;

    @Column(name = "pin_failures", nullable = false)
    private int pinFailures;

    @Column(name = "pin_locked_until")
    private Instant pinLockedUntil;

    @Column(name = "pin_changed_at")
    private Instant pinChangedAt;

    @Column(name = "free_withdrawal_used", nullable = false)
    private long freeWithdrawalUsed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Wallet() {
    }

    public long personId() {
        return personId;
    }

    public long accountId() {
        return accountId;
    }

    public boolean hasPassword() {
        return pinHash != null;
    }

    public String passwordHash() {
        return pinHash;
    }

    public int passwordFailures() {
        return pinFailures;
    }

    public boolean isPasswordLockedAt(Instant now) {
        return pinLockedUntil != null && now.isBefore(pinLockedUntil);
    }

    public Instant passwordLockedUntil() {
        return pinLockedUntil;
    }

    public Instant passwordChangedAt() {
        return pinChangedAt;
    }

    public void changePassword(String hash, Instant now) {
        pinHash = hash;
        pinChangedAt = now;
        passwordAccepted();
    }

    /** The same password, stored again in the current form (made when it was last entered correctly). */
    public void rehashPassword(String hash) {
        pinHash = hash;
    }

    /**
     * Counts a wrong try; the fifth locks the password and starts a fresh count for when the lock ends.
     *
     * @return whether this try locked it
     */
    public boolean passwordRejected(Instant now) {
        if (isPasswordLockedAt(now)) {
            return false;
        }
        pinFailures++;
        if (pinFailures >= MAX_PASSWORD_FAILURES) {
            pinFailures = 0;
            pinLockedUntil = now.plus(PASSWORD_LOCK);
            return true;
        }
        return false;
    }

    public void passwordAccepted() {
        pinFailures = 0;
        pinLockedUntil = null;
    }

    public long freeWithdrawalUsed() {
        return freeWithdrawalUsed;
    }

    public void useFreeWithdrawalQuota(long fen) {
        freeWithdrawalUsed = Math.addExact(freeWithdrawalUsed, fen);
    }

    public void restoreFreeWithdrawalQuota(long fen) {
        freeWithdrawalUsed = Math.subtractExact(freeWithdrawalUsed, fen);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
