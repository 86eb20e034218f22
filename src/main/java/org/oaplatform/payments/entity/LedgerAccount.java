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
 * An account of the ledger with its stored balance, which only {@code Ledger.post} changes, under a row lock, in
 * the transaction that appends the legs. The balance is the sum of the account's legs; the audit re-checks that.
 */
@Entity
@Table(name = "ledger_account")
@NamedQuery(name = LedgerAccount.BY_IDS, query = "SELECT a FROM LedgerAccount a WHERE a.id IN :ids ORDER BY a.id")
@NamedQuery(name = LedgerAccount.PLATFORM, query = "SELECT a FROM LedgerAccount a WHERE a.personId IS NULL"
        + " AND a.kind <> org.oaplatform.payments.entity.AccountKind.MERCHANT")
public class LedgerAccount {

    public static final String BY_IDS = "LedgerAccount.byIds";
    public static final String PLATFORM = "LedgerAccount.platform";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24, updatable = false)
    private AccountKind kind;

    @Column(name = "person_id", updatable = false)
    private Long personId;

    @Column(nullable = false, updatable = false)
    private int shard;

    @Column(nullable = false)
    private long balance;

    @Column(name = "may_go_negative", nullable = false, updatable = false)
    private boolean mayGoNegative;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected LedgerAccount() {
    }

    /** An account of no person (a merchant's), empty; wallets are opened by {@code Wallets.open}. */
    public LedgerAccount(AccountKind kind, Instant now) {
        if (kind == AccountKind.WALLET) {
            throw new IllegalArgumentException("a wallet belongs to a person");
        }
        this.kind = kind;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public AccountKind kind() {
        return kind;
    }

    public Long personId() {
        return personId;
    }

    public int shard() {
        return shard;
    }

    public long balance() {
        return balance;
    }

    public boolean mayGoNegative() {
        return mayGoNegative;
    }

    /** Whether adding {@code amount} keeps the balance where this account's flag allows it. */
    public boolean canTake(long amount) {
        return mayGoNegative || Math.addExact(balance, amount) >= 0;
    }

    /** Package-private in spirit: only the posting primitive calls it, after {@link #canTake}. */
    public long apply(long amount) {
        if (!canTake(amount)) {
            throw new IllegalStateException("account " + id + " would go negative");
        }
        balance = Math.addExact(balance, amount);
        return balance;
    }
}
