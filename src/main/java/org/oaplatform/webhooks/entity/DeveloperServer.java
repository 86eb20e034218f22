package org.oaplatform.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.oaplatform.webhooks.control.PushMode;

/**
 * An account's developer server: where its pushes go and the secrets they are signed and encrypted with. The token
 * and EncodingAESKey are stored sealed (they must be read back to sign), never shown again in clear. A row exists only
 * for a URL that answered the handshake when it was saved.
 */
@Entity
@Table(name = "webhook_server")
public class DeveloperServer {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false, length = 1024)
    private String url;

    @Column(name = "token_sealed", nullable = false, length = 200)
    private String tokenSealed;

    @Column(name = "aes_key_sealed", length = 200)
    private String aesKeySealed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private PushMode mode;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected DeveloperServer() {
    }

    public DeveloperServer(long accountId) {
        this.accountId = accountId;
    }

    /** Replaces every setting at once: a server is configured whole, after its handshake succeeded. */
    public void configure(String url, String tokenSealed, String aesKeySealed, PushMode mode, boolean enabled,
            Instant verifiedAt) {
        this.url = url;
        this.tokenSealed = tokenSealed;
        this.aesKeySealed = aesKeySealed;
        this.mode = mode;
        this.enabled = enabled;
        this.verifiedAt = verifiedAt;
        this.updatedAt = verifiedAt;
    }

    public long accountId() {
        return accountId;
    }

    public String url() {
        return url;
    }

    public String tokenSealed() {
        return tokenSealed;
    }

    public String aesKeySealed() {
        return aesKeySealed;
    }

    public PushMode mode() {
        return mode;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
