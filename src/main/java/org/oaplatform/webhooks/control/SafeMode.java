package org.oaplatform.webhooks.control;

import org.oaplatform.platform.control.BusinessException;
import org.w3c.dom.Element;

/**
 * The encrypted envelopes of one account's push channel (spec §2.5), both ways: a push goes out as
 * {@code <xml><ToUserName/><Encrypt/></xml>} (compatible mode: the plaintext fields plus {@code <Encrypt>}) with
 * {@code msg_signature} in the URL; a reply comes back as {@code <Encrypt/><MsgSignature/><TimeStamp/><Nonce/>},
 * signed over its own timestamp and nonce, which is checked before anything is decrypted.
 */
public final class SafeMode {

    private final String token;
    private final SafeModeCipher cipher;

    public SafeMode(String token, String encodingAesKey, String appid) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("safe mode needs the server's token");
        }
        this.token = token;
        this.cipher = SafeModeCipher.of(encodingAesKey, appid);
    }

    /** A push body and the {@code msg_signature} for its URL. */
    public record SealedPush(String body, String msgSignature) {
    }

    /** A reply's envelope as it travels, before the signature is checked. */
    public record ReplyEnvelope(String encrypt, String msgSignature, String timeStamp, String nonce) {
    }

    /** {@code plainXml} is a push from {@link PushXml}; {@code timestamp} and {@code nonce} go into the URL too. */
    public SealedPush seal(String plainXml, String accountOriginalId, PushMode mode, String timestamp, String nonce) {
        if (!mode.encrypts()) {
            throw new IllegalArgumentException("a plain push is not sealed");
        }
        String encrypted = cipher.encrypt(plainXml);
        String signature = Signatures.messageSignature(token, timestamp, nonce, encrypted);
        String body = mode == PushMode.SAFE
                ? WeChatXmlWriter.root().text("ToUserName", accountOriginalId).text("Encrypt", encrypted).toXml()
                : withEncryptAppended(plainXml, encrypted);
        return new SealedPush(body, signature);
    }

    /** The reply envelope a developer server answers with; what WxJava's {@code toEncryptedXml} writes. */
    public String sealReply(String replyXml, String timestamp, String nonce) {
        String encrypted = cipher.encrypt(replyXml);
        return WeChatXmlWriter.root().text("Encrypt", encrypted)
                .text("MsgSignature", Signatures.messageSignature(token, timestamp, nonce, encrypted))
                .bareText("TimeStamp", timestamp).text("Nonce", nonce).toXml();
    }

    /** The reply XML inside an envelope, once its signature matched and it decrypted for our appid. */
    public String openReply(ReplyEnvelope envelope) {
        String expected = Signatures.messageSignature(token, envelope.timeStamp(), envelope.nonce(), envelope.encrypt());
        if (!Signatures.matches(expected, envelope.msgSignature())) {
            throw new BusinessException(WebhookError.WEBHOOK_SIGNATURE_MISMATCH,
                    "the reply's MsgSignature does not match its Encrypt, TimeStamp and Nonce");
        }
        return cipher.decrypt(envelope.encrypt());
    }

    public String openReply(byte[] body) {
        return openReply(envelope(UntrustedXml.root(body)));
    }

    /** Whether an answer is an encrypted envelope (compatible mode accepts both kinds). */
    static boolean isEnvelope(Element root) {
        return !UntrustedXml.children(root, "Encrypt").isEmpty();
    }

    static ReplyEnvelope envelope(Element root) {
        return new ReplyEnvelope(required(root, "Encrypt"), required(root, "MsgSignature"),
                required(root, "TimeStamp").strip(), required(root, "Nonce"));
    }

    private static String required(Element root, String name) {
        return UntrustedXml.text(root, name)
                .orElseThrow(() -> UntrustedXml.malformed("the encrypted reply has no <" + name + ">"));
    }

    private static String withEncryptAppended(String plainXml, String encrypted) {
        if (!plainXml.endsWith("</xml>")) {
            throw new IllegalArgumentException("not a push from PushXml");
        }
        return plainXml.substring(0, plainXml.length() - "</xml>".length()) + "<Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>";
    }
}
