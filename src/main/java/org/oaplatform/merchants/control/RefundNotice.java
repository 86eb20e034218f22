package org.oaplatform.merchants.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A refund notification (spec §2.4): an outer {@code <xml>} with the merchant's ids and {@code req_info}, the refund's
 * fields as a {@code <root>} document encrypted AES-256-ECB with PKCS#7 padding under the lower-case hex MD5 of the
 * merchant's API key, in Base64. WeChat does not sign it; the encryption under the key is what proves its origin.
 * ECB is WeChat's choice, kept because merchants' SDKs decrypt exactly this.
 */
public final class RefundNotice {

    private static final String CIPHER = "AES/ECB/PKCS5Padding";

    private RefundNotice() {
    }

    /** The document to POST: {@code fields} are the refund's, {@code head} the appid, mch_id and nonce. */
    public static String document(Map<String, String> head, Map<String, String> fields, String apiKey) {
        Map<String, String> outer = new LinkedHashMap<>();
        outer.put("return_code", "SUCCESS");
        outer.putAll(head);
        outer.put("req_info", encrypt(PayXml.write("root", fields), apiKey));
        return PayXml.write(outer);
    }

    static String encrypt(String plain, String apiKey) {
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, plain.getBytes(StandardCharsets.UTF_8),
                apiKey));
    }

    static String decrypt(String base64, String apiKey) {
        return new String(run(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(base64), apiKey),
                StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, byte[] input, String apiKey) {
        // The key is the 32 ASCII characters of the hex digest, hence AES-256.
        try {
            byte[] key = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, new SecretKeySpec(key, "AES"));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 and AES-256-ECB are part of every Java platform", e);
        }
    }
}
