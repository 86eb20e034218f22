package org.oaplatform.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts the few values that must be read back (a stable access token is handed out again) with AES-GCM under
 * the installation key {@code OA_SECRET_KEY} (base64 of 32 bytes), identical on every instance. Without that key
 * each JVM makes its own, sealed values become unreadable after a restart, and callers fall back to issuing anew.
 */
@ApplicationScoped
public class Sealer {

    private static final Logger LOG = Logger.getLogger(Sealer.class.getName());
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    @ConfigProperty(name = "oa.secret-key")
    Optional<String> configuredKey;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    @PostConstruct
    void loadKey() {
        byte[] bytes;
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            bytes = Base64.getDecoder().decode(configuredKey.get().trim());
            if (bytes.length != 32) {
                throw new IllegalStateException("OA_SECRET_KEY must be the base64 encoding of 32 random bytes");
            }
        } else {
            LOG.warning("OA_SECRET_KEY is not set: using a key private to this JVM; set it in production and clusters");
            bytes = new byte[32];
            random.nextBytes(bytes);
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /** The plain value, or empty when it was sealed under another key or tampered with. */
    public Optional<String> open(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
