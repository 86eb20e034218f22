package org.oaplatform.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oaplatform.accounts.control.AccountError;
import org.oaplatform.accounts.control.Passwords;
import org.oaplatform.accounts.control.PhoneNumbers;
import org.oaplatform.accounts.entity.ActiveSession;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.accounts.entity.Session;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.Ids;

/**
 * Logins and bearer sessions. Tokens are random, shown once, stored as SHA-256 hashes, expire, and can be revoked.
 * Failed logins are audited and, past a limit per phone and hour, refused outright.
 */
@Stateless
public class Sessions {

    static final String LOGIN_FAILED = "login.failed";
    private static final int MAX_FAILED_LOGINS_PER_HOUR = 10;

    public record Issued(String token, Instant expiresAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    Passwords passwords;

    @Inject
    VerificationCodes codes;

    @Inject
    People people;

    @Inject
    AuditLog audit;

    @Inject
    BearerSessions bearerSessions;

    @Inject
    @ConfigProperty(name = "oa.session.lifetime", defaultValue = "P30D")
    Duration lifetime;

    public Issued logInWithPassword(String region, String phone, String password) {
        return open(checkPassword(region, phone, password), "password");
    }

    /**
     * The person with this phone and password, without opening a bearer session: for the portal, whose HTTP session
     * is kept by the container. Same throttle, same timing for unknown phones and same audit of failures as
     * {@link #logInWithPassword}, so the portal is no easier place to guess passwords than the API.
     *
     * @throws BusinessException when the phone or the password is wrong
     * @throws BusinessException after too many failures for this phone within an hour
     */
    public Person checkPassword(String region, String phone, String password) {
        String e164 = PhoneNumbers.normalise(region, phone);
        refuseWhenGuessing(e164);
        Optional<Person> person = people.byPhone(e164);
        boolean valid = person.isPresent()
                ? passwords.matches(password, person.get().passwordHash())
                : passwords.matchesNobody(password);
        if (!valid) {
            audit.recordAttempt(LOGIN_FAILED, "phone:" + e164, "password");
            throw new BusinessException(AccountError.INVALID_LOGIN);
        }
        return person.get();
    }

    public Issued logInWithCode(String region, String phone, String code) {
        String e164 = PhoneNumbers.normalise(region, phone);
        codes.spend(e164, code);
        Person person = people.byPhone(e164).orElseThrow(() -> new BusinessException(AccountError.INVALID_LOGIN,
                "no personal account uses this phone number; register first"));
        return open(person, "sms-code");
    }

    /**
     * The session behind a bearer token, when the token is known, unexpired and not revoked. Every authenticated API
     * request asks, before its own transaction starts, so this reads the data grid (the database on a miss) and
     * opens no transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ActiveSession> resolve(String token) {
        Instant now = clock.instant();
        return bearerSessions.byHash(Hashing.sha256Hex(token)).filter(s -> s.isActiveAt(now));
    }

    public void logOut(long sessionId) {
        Session session = em.find(Session.class, sessionId);
        if (session != null) {
            session.revoke(clock.instant());
            bearerSessions.forget(session.tokenHash());
            audit.record("session.revoked", "person:" + session.person().id(), null);
        }
    }

    private Issued open(Person person, String method) {
        Instant now = clock.instant();
        String token = ids.token(32);
        Session session = new Session(person, Hashing.sha256Hex(token), now, now.plus(lifetime));
        em.persist(session);
        audit.record("session.opened", "person:" + person.id(), method);
        return new Issued(token, session.expiresAt());
    }

    private void refuseWhenGuessing(String e164) {
        long failures = em.createQuery("SELECT COUNT(a) FROM AuditEntry a WHERE a.target = :target"
                + " AND a.action = :action AND a.occurredAt > :since", Long.class)
                .setParameter("target", "phone:" + e164).setParameter("action", LOGIN_FAILED)
                .setParameter("since", clock.instant().minus(Duration.ofHours(1))).getSingleResult();
        if (failures >= MAX_FAILED_LOGINS_PER_HOUR) {
            throw new BusinessException(AccountError.TOO_MANY_FAILED_LOGINS,
                    "too many failed logins for this phone number; try again in an hour or log in with an SMS code");
        }
    }
}
