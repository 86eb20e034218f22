package org.oaplatform.webhooks.control;

/**
 * How an account's pushes travel (chosen with its server settings): plaintext; compatible, with the plaintext fields
 * and an {@code <Encrypt>} copy side by side so a server can move to encryption without downtime; or safe, encrypted
 * only. In both encrypted modes the URL carries {@code encrypt_type=aes} and {@code msg_signature}.
 */
public enum PushMode {
    PLAIN, COMPATIBLE, SAFE;

    public boolean encrypts() {
        return this != PLAIN;
    }
}
