package org.oaplatform.webhooks.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.oaplatform.platform.control.BusinessException;

/**
 * The AES of WeChat's safe and compatible mode (spec §2.5), for one account: AES-256-CBC with the key decoded from the
 * 43-character EncodingAESKey and the IV its first 16 bytes, PKCS#7 padding to 32-byte blocks (WeChat's, not the
 * JCE's 16), and a plaintext of 16 random bytes, the XML's length (4 bytes, network order), the XML and the appid.
 * <p>
 * What it decrypts comes from a developer server, so every length is checked before it is used: a wrong key, a cut
 * ciphertext or a forged length is a {@link WebhookError#WEBHOOK_PAYLOAD_MALFORMED}, never an index error. Immutable
 * and thread-safe (a JCE {@code Cipher} is made per call).
 */
public final class SafeModeCipher {

    static final int RANDOM_LENGTH = 16;
    private static final int LENGTH_FIELD = 4;
    private static final int PAD_BLOCK = 32;
    private static final int AES_BLOCK = 16;
    private static final Pattern ENCODING_AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final byte[] appid;

    private SafeModeCipher(byte[] keyBytes, String appid) {
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.iv = new IvParameterSpec(keyBytes, 0, AES_BLOCK);
        this.appid = appid.getBytes(StandardCharsets.UTF_8);
    }

    public static SafeModeCipher of(String encodingAesKey, String appid) {
        if (encodingAesKey == null || !ENCODING_AES_KEY.matcher(encodingAesKey).matches()) {
            throw new BusinessException(WebhookError.INVALID_ENCODING_AES_KEY);
        }
        if (appid == null || appid.isEmpty()) {
            throw new IllegalArgumentException("an appid is needed");
        }
        return new SafeModeCipher(Base64.getDecoder().decode(encodingAesKey + "="), appid);
    }

    /** Whether a string is an EncodingAESKey WeChat would accept, for validating an operator's input. */
    public static boolean isEncodingAesKey(String candidate) {
        return candidate != null && ENCODING_AES_KEY.matcher(candidate).matches();
    }

    /**
     * A fresh EncodingAESKey: 32 random bytes in base64 without the padding, drawn again until it has only letters and
     * digits (WeChat's rule; about one draw in four passes). Its last character carries no bits beyond the 32 bytes,
     * so strict decoders such as the commons-codec inside WxJava take it.
     */
    public static String newEncodingAesKey() {
        byte[] bytes = new byte[32];
        while (true) {
            RANDOM.nextBytes(bytes);
            String key = Base64.getEncoder().withoutPadding().encodeToString(bytes);
            if (ENCODING_AES_KEY.matcher(key).matches()) {
                return key;
            }
        }
    }

    /** The base64 ciphertext of the XML, with fresh random bytes in front. */
    public String encrypt(String xml) {
        byte[] random = new byte[RANDOM_LENGTH];
        RANDOM.nextBytes(random);
        return encrypt(xml, random);
    }

    /** With given random bytes, so that the spec's worked vector can be reproduced. */
    String encrypt(String xml, byte[] random) {
        if (random.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("the random prefix is " + RANDOM_LENGTH + " bytes");
        }
        byte[] message = xml.getBytes(StandardCharsets.UTF_8);
        int unpadded = RANDOM_LENGTH + LENGTH_FIELD + message.length + appid.length;
        int pad = PAD_BLOCK - unpadded % PAD_BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad)
                .put(random).putInt(message.length).put(message).put(appid);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, plain.array()));
    }

    /** The XML inside a base64 ciphertext, after checking the padding, the length and that it was made for our appid. */
    public String decrypt(String encrypted) {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted == null ? "" : encrypted.strip());
        } catch (IllegalArgumentException e) {
            throw malformed("the encrypted text is not base64");
        }
        if (cipherText.length == 0 || cipherText.length % AES_BLOCK != 0) {
            throw malformed("the encrypted text is not a whole number of AES blocks");
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, cipherText);
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > PAD_BLOCK || pad > plain.length) {
            throw malformed("the padding is wrong (a different EncodingAESKey?)");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw malformed("the padding is wrong (a different EncodingAESKey?)");
            }
        }
        int unpadded = plain.length - pad;
        if (unpadded < RANDOM_LENGTH + LENGTH_FIELD) {
            throw malformed("the decrypted text is too short");
        }
        long length = ByteBuffer.wrap(plain, RANDOM_LENGTH, LENGTH_FIELD).getInt() & 0xffffffffL;
        int messageStart = RANDOM_LENGTH + LENGTH_FIELD;
        if (length > unpadded - messageStart) {
            throw malformed("the length inside the decrypted text is longer than the text");
        }
        int messageEnd = messageStart + (int) length;
        if (!Arrays.equals(plain, messageEnd, unpadded, appid, 0, appid.length)) {
            throw malformed("the message was encrypted for another appid");
        }
        return utf8(plain, messageStart, (int) length);
    }

    private byte[] run(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, key, iv);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is part of every Java 17 platform", e);
        }
    }

    private static String utf8(byte[] bytes, int offset, int length) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw malformed("the decrypted message is not UTF-8");
        }
    }

    private static BusinessException malformed(String detail) {
        return new BusinessException(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, detail);
    }
}
