package org.oaplatform.payments.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rules and the storage of a wallet's six-digit payment password (支付密码).
 *
 * <p>A six-digit PIN has only 10<sup>6</sup> values, so no PBKDF2 iteration count makes an offline search of a leaked
 * hash slow; 1,000 iterations are kept only so that the stored form is a standard one. What protects the PIN is the
 * lock after five wrong tries (kept by the wallet) and a pepper: when the installation key {@code oa.secret-key}
 * ({@code OA_SECRET_KEY}, base64 of 32 bytes, the same one {@link org.oaplatform.platform.control.Sealer} uses) is
 * set, the PIN is first run through HMAC-SHA256 under a key derived from it, which a database dump alone does not
 * reveal. The stored string says whether it was peppered ({@code p1}) or not ({@code p0}), so that hashes made
 * before the key was configured still verify; {@link #needsRehash} tells the caller to store a fresh one after the
 * next correct entry.
 *
 * <p>Format: {@code pbkdf2-sha256$<iterations>$<p0|p1>$<salt base64>$<hash base64>}.
 */
@ApplicationScoped
public class PaymentPasswords {

    static final int ITERATIONS = 1_000;
    private static final String ALGORITHM = "pbkdf2-sha256";
    private static final String PEPPERED = "p1";
    private static final String UNPEPPERED = "p0";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Bounds the work a corrupt stored value can ask for. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final byte[] PEPPER_LABEL = "payment-password-pepper".getBytes(StandardCharsets.UTF_8);

    @Inject
    @ConfigProperty(name = "oa.secret-key")
    Optional<String> configuredKey;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec pepper;

    /** Outside a container: as if {@code oa.secret-key} were {@code secretKey}. */
    static PaymentPasswords withSecretKey(Optional<String> secretKey) {
        PaymentPasswords passwords = new PaymentPasswords();
        passwords.configuredKey = secretKey;
        passwords.derivePepper();
        return passwords;
    }

    @PostConstruct
    void derivePepper() {
        if (configuredKey == null || configuredKey.isEmpty() || configuredKey.get().isBlank()) {
            pepper = null;
            return;
        }
        byte[] secretKey;
        try {
            secretKey = Base64.getDecoder().decode(configuredKey.get().trim());
        } catch (IllegalArgumentException e) {
            secretKey = new byte[0];
        }
        if (secretKey.length != 32) {
            throw new IllegalStateException("OA_SECRET_KEY must be the base64 encoding of 32 random bytes");
        }
        pepper = new SecretKeySpec(hmac(new SecretKeySpec(secretKey, "HmacSHA256"), PEPPER_LABEL), "HmacSHA256");
    }

    /**
     * Whether {@code pin} may be a payment password: exactly six ASCII digits, not all the same digit and not a run
     * up or down (123456, 654321, 012345, 987654 ...), the first guesses of anyone who finds the phone.
     */
    public static boolean acceptable(String pin) {
        if (pin == null || pin.length() != 6) {
            return false;
        }
        for (int i = 0; i < pin.length(); i++) {
            if (pin.charAt(i) < '0' || pin.charAt(i) > '9') {
                return false;
            }
        }
        boolean same = true;
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < pin.length(); i++) {
            int step = pin.charAt(i) - pin.charAt(i - 1);
            same &= step == 0;
            ascending &= step == 1;
            descending &= step == -1;
        }
        return !(same || ascending || descending);
    }

    /** A fresh salted hash of {@code pin}, peppered when the installation key is set. */
    public String hash(String pin) {
        if (pin == null) {
            throw new IllegalArgumentException("no payment password to hash");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        boolean peppered = pepper != null;
        byte[] hash = derive(pin, peppered, salt, ITERATIONS, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return String.join("$", ALGORITHM, Integer.toString(ITERATIONS), peppered ? PEPPERED : UNPEPPERED,
                b64.encodeToString(salt), b64.encodeToString(hash));
    }

    /**
     * Whether {@code pin} is the one {@code storedHash} was made from, compared in constant time. False, never an
     * exception, for a stored value this class did not make, and for a peppered one when the key is not set.
     */
    public boolean matches(String pin, String storedHash) {
        if (pin == null) {
            return false;
        }
        Stored stored = Stored.parse(storedHash);
        if (stored == null || (stored.peppered && pepper == null)) {
            return false;
        }
        byte[] actual = derive(pin, stored.peppered, stored.salt, stored.iterations, stored.hash.length);
        return MessageDigest.isEqual(actual, stored.hash);
    }

    /**
     * Whether a stored hash that {@link #matches} should be replaced by a fresh {@link #hash}: it was made without
     * the pepper that is now configured, or with other parameters.
     */
    public boolean needsRehash(String storedHash) {
        Stored stored = Stored.parse(storedHash);
        return stored == null || stored.iterations != ITERATIONS || stored.hash.length != HASH_BYTES
                || stored.peppered != (pepper != null);
    }

    private byte[] derive(String pin, boolean peppered, byte[] salt, int iterations, int bytes) {
        char[] secret = peppered
                ? Base64.getEncoder().encodeToString(hmac(pepper, pin.getBytes(StandardCharsets.UTF_8))).toCharArray()
                : pin.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every Java platform", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** A stored value taken apart, or null when it is not one of ours. */
    private record Stored(int iterations, boolean peppered, byte[] salt, byte[] hash) {

        static Stored parse(String value) {
            if (value == null) {
                return null;
            }
            String[] parts = value.split("\\$", -1);
            if (parts.length != 5 || !ALGORITHM.equals(parts[0])
                    || !(PEPPERED.equals(parts[2]) || UNPEPPERED.equals(parts[2]))) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[3]);
                byte[] hash = Base64.getDecoder().decode(parts[4]);
                if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0
                        || hash.length < 16 || hash.length > 64) {
                    return null;
                }
                return new Stored(iterations, PEPPERED.equals(parts[2]), salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
