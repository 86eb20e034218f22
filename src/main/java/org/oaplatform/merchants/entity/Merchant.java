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
@NamedQuery(name = Merchant.NEWEST_FIRST, query = "SELECT m FROM Merchant m ORDER BY m.id DESC")
@NamedQuery(name = Merchant.BY_STATIC_CODE, query = "SELECT m FROM Merchant m WHERE m.staticCodeToken = :token")
@NamedQuery(name = Merchant.SETTLED_TO, query = "SELECT m FROM Merchant m WHERE m.settlementCardId = :cardId")
public class Merchant {

    public static final String BY_MCH_ID = "Merchant.byMchId";
    public static final String OF_ACCOUNT = "Merchant.ofAccount";
    public static final String BY_STATIC_CODE = "Merchant.byStaticCode";
    public static final String NEWEST_FIRST = "Merchant.newestFirst";
    public static final String SETTLED_TO = "Merchant.settledTo";

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

    @Column(name = "static_code_token", length = 32)
    private String staticCodeToken;

    @Column(name = "static_notify_url", length = 256)
    private String staticNotifyUrl;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "certificate_serial", length = 40)
    private String certificateSerial;

    @Column(name = "certificate_issued_at")
    private Instant certificateIssuedAt;

    @Column(name = "suspension_reason", length = 200)
    private String suspensionReason;

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
    public void settleTo(long cardId) {
        this.settlementCardId = cardId;
    }

    public void replaceApiKey(String sealed, Instant now) {
        this.apiKeySealed = sealed;
        this.apiKeySetAt = now;
    }

    /** Gives the merchant its static code, or keeps the one it has; the notify URL is replaced either way. */
    public void staticCode(String newToken, String notifyUrl) {
        if (staticCodeToken == null) {
            staticCodeToken = newToken;
        }
        staticNotifyUrl = notifyUrl;
    }

    /** The latest client certificate issued to the merchant (WeChat's: one current certificate per merchant). */
    public void certificateIssued(String serial, Instant now) {
        certificateSerial = serial;
        certificateIssuedAt = now;
    }

    public String certificateSerial() {
        return certificateSerial;
    }

    public Instant certificateIssuedAt() {
        return certificateIssuedAt;
    }

    public void suspend(String reason, Instant now) {
        suspendedAt = now;
        suspensionReason = reason;
    }

    public void resume() {
        suspendedAt = null;
        suspensionReason = null;
    }

    public boolean isSuspended() {
        return suspendedAt != null;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    public String suspensionReason() {
        return suspensionReason;
    }

    public String staticCodeToken() {
        return staticCodeToken;
    }

    /** Where orders of the static code are notified; empty when nowhere. */
    public String staticNotifyUrl() {
        return staticNotifyUrl == null ? "" : staticNotifyUrl;
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
