package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oaplatform.platform.control.BusinessException;

class SafeModeCipherTest {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APPID = "wx1234567890abcdef";
    private static final String VECTOR_XML = "<xml><ToUserName><![CDATA[gh_123]]></ToUserName></xml>";
    private static final String VECTOR_ENCRYPT = "Q3stYC6hdFzMh9T8HCvyDFG6MzaiOXQtrDCewC0jdxA5rDQsufl+fJlHtr7rW/c8"
            + "/lKVHg2m0xsU2tTk2s92mzgYzG4MKMg4QEZmsn8nnTOwt4qUDsjFxIkdY8Xvq4kR";

    /**
     * The commons-codec that WxJava brings (1.13) refuses base64 whose last character carries bits beyond the 32
     * bytes, as the spec's key does ("G"); keys ending in A, Q, g or w carry none, so WxJava takes this one.
     */
    private static final String KEY_WXJAVA_ACCEPTS = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFg";

    private final SafeModeCipher cipher = SafeModeCipher.of(KEY, APPID);
    private final SafeModeCipher wxJavaKeyed = SafeModeCipher.of(KEY_WXJAVA_ACCEPTS, APPID);

    @Test
    void generatedKeysAreWeChatsShapeDifferEachTimeAndWorkWithWxJava() {
        String key = SafeModeCipher.newEncodingAesKey();
        assertTrue(SafeModeCipher.isEncodingAesKey(key), key);
        assertNotEquals(key, SafeModeCipher.newEncodingAesKey());
        assertEquals(VECTOR_XML, new WxCryptUtil("token", key, APPID).decrypt(SafeModeCipher.of(key, APPID)
                .encrypt(VECTOR_XML)));
    }

    @Test
    void reproducesTheSpecsWorkedVector() {
        byte[] random = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        assertEquals(VECTOR_ENCRYPT, cipher.encrypt(VECTOR_XML, random));
        assertEquals(VECTOR_XML, cipher.decrypt(VECTOR_ENCRYPT));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 11, 12, 13, 44, 45, 1000})
    void roundTripsWithWxJavaAtEveryPaddingLength(int length) {
        String xml = "<xml><Content><![CDATA[" + "汉".repeat(length / 3) + "x".repeat(length % 3) + "]]></Content></xml>";
        WxCryptUtil wxJava = new WxCryptUtil("token", KEY_WXJAVA_ACCEPTS, APPID);
        assertEquals(xml, wxJava.decrypt(wxJavaKeyed.encrypt(xml)));
        assertEquals(xml, wxJavaKeyed.decrypt(wxJava.encrypt("ABCDEFGHIJKLMNOP", xml)));
    }

    @Test
    void wxMpCryptUtilVerifiesAndDecryptsAnEnvelopeWeBuildFromOurCiphertext() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setToken("token");
        config.setAesKey(KEY_WXJAVA_ACCEPTS);
        config.setAppId(APPID);
        String encrypted = wxJavaKeyed.encrypt(VECTOR_XML);
        String signature = Signatures.messageSignature("token", "1714036504", "nonce", encrypted);
        String envelope = "<xml><ToUserName><![CDATA[gh_123]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>";
        assertEquals(VECTOR_XML, new WxMpCryptUtil(config).decryptXml(signature, "1714036504", "nonce", envelope));
    }

    @Test
    void twoEncryptionsOfOneMessageDiffer() {
        assertNotEquals(cipher.encrypt(VECTOR_XML), cipher.encrypt(VECTOR_XML));
    }

    @Test
    void refusesAMessageForAnotherAppid() {
        String forOther = SafeModeCipher.of(KEY, "wxffffffffffffffff").encrypt(VECTOR_XML);
        assertMalformed(() -> cipher.decrypt(forOther), "another appid");
    }

    @Test
    void refusesAnotherKeyByItsPadding() {
        String otherKey = SafeModeCipher.of("A".repeat(43), APPID).encrypt(VECTOR_XML);
        BusinessException refused = assertThrows(BusinessException.class, () -> cipher.decrypt(otherKey));
        assertEquals(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, refused.code());
    }

    @Test
    void refusesWhatIsNotBase64OrNotWholeBlocks() {
        assertMalformed(() -> cipher.decrypt("not base64 at all!"), "base64");
        assertMalformed(() -> cipher.decrypt(""), "blocks");
        assertMalformed(() -> cipher.decrypt(null), "blocks");
        assertMalformed(() -> cipher.decrypt(Base64.getEncoder().encodeToString(new byte[31])), "blocks");
    }

    @Test
    void refusesALengthLongerThanTheText() throws Exception {
        assertMalformed(() -> cipher.decrypt(rawEncrypt(plain(0x7fffffff, "<xml/>", APPID, 32))), "length");
        assertMalformed(() -> cipher.decrypt(rawEncrypt(plain(-1, "<xml/>", APPID, 32))), "length");
        assertMalformed(() -> cipher.decrypt(rawEncrypt(plain(100, "<xml/>", APPID, 32))), "length");
    }

    @Test
    void refusesPaddingThatIsNotPkcs7WithBlock32() throws Exception {
        byte[] good = plain(6, "<xml/>", APPID, 32);
        byte[] zeroPad = good.clone();
        zeroPad[zeroPad.length - 1] = 0;
        assertMalformed(() -> cipher.decrypt(rawEncrypt(zeroPad)), "padding");
        byte[] unevenPad = good.clone();
        unevenPad[unevenPad.length - 2] ^= 1;
        assertMalformed(() -> cipher.decrypt(rawEncrypt(unevenPad)), "padding");
        assertMalformed(() -> cipher.decrypt(rawEncrypt(filled(64, (byte) 40))), "padding");
        assertMalformed(() -> cipher.decrypt(rawEncrypt(filled(32, (byte) 32))), "too short");
    }

    @Test
    void refusesBytesThatAreNotUtf8() throws Exception {
        byte[] plain = plain(2, "\u00ff\u00fe", APPID, 32); // the bytes 0xff 0xfe, never UTF-8
        assertMalformed(() -> cipher.decrypt(rawEncrypt(plain)), "UTF-8");
    }

    @Test
    void acceptsOnlyWeChatShapedKeys() {
        for (String bad : new String[] {null, "", KEY.substring(1), KEY + "H", KEY.replace('a', '+'),
                KEY.replace('a', '=')}) {
            BusinessException refused = assertThrows(BusinessException.class, () -> SafeModeCipher.of(bad, APPID));
            assertEquals(WebhookError.INVALID_ENCODING_AES_KEY, refused.code());
        }
        assertTrue(SafeModeCipher.isEncodingAesKey(KEY));
    }

    private static void assertMalformed(org.junit.jupiter.api.function.Executable decryption, String detail) {
        BusinessException refused = assertThrows(BusinessException.class, decryption);
        assertEquals(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, refused.code());
        assertTrue(refused.getMessage().contains(detail), refused.getMessage());
    }

    /** A hand-made plaintext (with a length field that may lie), padded to the block with PKCS#7. */
    private static byte[] plain(int lengthField, String xml, String appid, int block) {
        byte[] message = xml.getBytes(StandardCharsets.ISO_8859_1);
        byte[] id = appid.getBytes(StandardCharsets.UTF_8);
        int unpadded = 20 + message.length + id.length;
        int pad = block - unpadded % block;
        ByteBuffer buffer = ByteBuffer.allocate(unpadded + pad).put(new byte[16]).putInt(lengthField).put(message).put(id);
        while (buffer.hasRemaining()) {
            buffer.put((byte) pad);
        }
        return buffer.array();
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    private static String rawEncrypt(byte[] plain) throws Exception {
        byte[] key = Base64.getDecoder().decode(KEY + "=");
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return Base64.getEncoder().encodeToString(aes.doFinal(plain));
    }
}
