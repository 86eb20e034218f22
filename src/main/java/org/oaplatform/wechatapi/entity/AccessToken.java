package org.oaplatform.wechatapi.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An access token an account's developer obtained. Stored as a hash; a stable token also keeps a sealed copy so the
 * same token can be handed out again. A newer token of the same kind supersedes it, after which it keeps working
 * for {@link #OVERLAP} so that servers mid-refresh do not fail.
 */
@Entity
@Table(name = "access_token")
@NamedQueries({
    @NamedQuery(name = AccessToken.BY_HASH, query = "SELECT t FROM AccessToken t WHERE t.tokenHash = :hash"),
    @NamedQuery(name = AccessToken.SUPERSEDE, query = "UPDATE AccessToken t SET t.supersededAt = :now"
            + " WHERE t.accountId = :accountId AND t.kind = :kind AND t.supersededAt IS NULL AND t.expiresAt > :now"),
    @NamedQuery(name = AccessToken.NEWEST_OF_KIND, query = "SELECT t FROM AccessToken t WHERE t.accountId = :accountId"
            + " AND t.kind = :kind AND t.supersededAt IS NULL ORDER BY t.issuedAt DESC, t.id DESC"),
    @NamedQuery(name = AccessToken.END_ALL, query = "UPDATE AccessToken t SET t.expiresAt = :now"
            + " WHERE t.accountId = :accountId AND t.expiresAt > :now"),
    @NamedQuery(name = AccessToken.HASHES_TO_SUPERSEDE, query = "SELECT t.tokenHash FROM AccessToken t"
            + " WHERE t.accountId = :accountId AND t.kind = :kind AND t.supersededAt IS NULL AND t.expiresAt > :now"),
    @NamedQuery(name = AccessToken.HASHES_TO_END, query = "SELECT t.tokenHash FROM AccessToken t"
            + " WHERE t.accountId = :accountId AND t.expiresAt > :now")
})
public class AccessToken {

    public static final String BY_HASH = "AccessToken.byHash";
    public static final String SUPERSEDE = "AccessToken.supersede";
    public static final String NEWEST_OF_KIND = "AccessToken.newestOfKind";
    public static final String END_ALL = "AccessToken.endAll";
    /** The tokens {@link #SUPERSEDE} and {@link #END_ALL} will change, whose cached grants must go. */
    public static final String HASHES_TO_SUPERSEDE = "AccessToken.hashesToSupersede";
    public static final String HASHES_TO_END = "AccessToken.hashesToEnd";

    public static final Duration LIFETIME = Duration.ofSeconds(7200);
    public static final Duration OVERLAP = Duration.ofMinutes(5);

    public enum Kind {
        /** From {@code /cgi-bin/token}: every call issues a new one. */
        NORMAL,
        /** From {@code /cgi-bin/stable_token}: the same token is returned until shortly before it expires. */
        STABLE
    }

    public enum State {
        VALID, EXPIRED, SUPERSEDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Kind kind;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Column(name = "sealed_value", length = 512)
    private String sealedValue;

    protected AccessToken() {
    }

    public AccessToken(long accountId, String tokenHash, Kind kind, Instant issuedAt, String sealedValue) {
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.kind = kind;
        this.issuedAt = issuedAt;
        this.expiresAt = issuedAt.plus(LIFETIME);
        this.sealedValue = sealedValue;
    }

    public State stateAt(Instant now) {
        return grant().stateAt(now);
    }

    public TokenGrant grant() {
        return new TokenGrant(accountId, expiresAt, supersededAt);
    }

    /** Seconds a client may still use the token, as {@code expires_in}. */
    public long secondsLeftAt(Instant now) {
        return Math.max(0, Duration.between(now, expiresAt).getSeconds());
    }

    /** Ends the token at once (a forced stable refresh). */
    public void end(Instant now) {
        if (expiresAt.isAfter(now)) {
            expiresAt = now;
        }
    }

    public long accountId() {
        return accountId;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Kind kind() {
        return kind;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String sealedValue() {
        return sealedValue;
    }
}
