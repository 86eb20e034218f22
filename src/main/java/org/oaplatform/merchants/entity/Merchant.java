package org.oaplatform.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A verified service account that takes payments: its {@code mch_id}, the API key both sides sign with (sealed, since
 * it must be read back to sign and verify), the card it settles to and the ledger account its payments go to.
 */
@Entity
@Table(name = "merchant")
@NamedQuery(name = Merchant.BY_MCH_ID, query = "SELECT m FROM Merchant m WHERE m.mchId = :mchId")
@NamedQuery(name = Merchant.OF_ACCOUNT, query = "SELECT m FROM Merchant m WHERE m.accountId = :accountId")
public class Merchant {

    public static final String BY_MCH_ID = "Merchant.byMchId";
    public static final String OF_ACCOUNT = "Merchant.ofAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "mch_id", nullable = false, updatable = false, length = 10)
    private String mchId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(name = "settlement_card_id", nullable = false)
    private long settlementCardId;

    @Column(name = "ledger_account_id", nullable = false, updatable = false)
    private long ledgerAccountId;

    @Column(name = "api_key_sealed", nullable = false, length = 200)
    private String apiKeySealed;

    @Column(name = "api_key_set_at", nullable = false)
    private Instant apiKeySetAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Merchant() {
    }

    public Merchant(String mchId, long accountId, long ownerId, long settlementCardId, long ledgerAccountId,
            String apiKeySealed, Instant now) {
        this.mchId = mchId;
        this.accountId = accountId;
        this.ownerId = ownerId;
        this.settlementCardId = settlementCardId;
        this.ledgerAccountId = ledgerAccountId;
        this.apiKeySealed = apiKeySealed;
        this.apiKeySetAt = now;
        this.createdAt = now;
    }

    /** The old key stops verifying at once: a request signed with it gets SIGNERROR. */
    public void replaceApiKey(String sealed, Instant now) {
        this.apiKeySealed = sealed;
        this.apiKeySetAt = now;
    }

    public Long id() {
        return id;
    }

    public String mchId() {
        return mchId;
    }

    public long accountId() {
        return accountId;
    }

    public long ownerId() {
        return ownerId;
    }

    public long settlementCardId() {
        return settlementCardId;
    }

    public long ledgerAccountId() {
        return ledgerAccountId;
    }

    public String apiKeySealed() {
        return apiKeySealed;
    }

    public Instant apiKeySetAt() {
        return apiKeySetAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
