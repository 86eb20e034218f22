package org.oaplatform.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashing with the platform's PBKDF2 implementation. A check against an unknown account still spends the
 * same time, so response times do not reveal which phone numbers are registered.
 */
@ApplicationScoped
public class Passwords {

    private static final String DECOY_PASSWORD = "decoy-password-for-unknown-accounts";

    @Inject
    Pbkdf2PasswordHash hash;

    private String decoyHash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "100000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoyHash = hash.generate(DECOY_PASSWORD.toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of a real check and answers no. */
    public boolean matchesNobody(String password) {
        hash.verify(password.toCharArray(), decoyHash);
        return false;
    }
}
