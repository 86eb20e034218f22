package org.oaplatform.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A login of a person: the bearer token's hash, its expiry and whether it was revoked. */
@Entity
@Table(name = "person_session")
@NamedQuery(name = Session.BY_TOKEN_HASH, query = "SELECT s FROM Session s JOIN FETCH s.person WHERE s.tokenHash = :hash")
public class Session {

    public static final String BY_TOKEN_HASH = "Session.byTokenHash";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Session() {
    }

    public Session(Person person, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.person = person;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean isActiveAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** The session as authentication sees it, or nothing once revoked. */
    public Optional<ActiveSession> active() {
        return revokedAt == null ? Optional.of(new ActiveSession(id, person.id(), expiresAt))
                : Optional.empty();
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Long id() {
        return id;
    }

    public Person person() {
        return person;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
