package org.oaplatform.merchants.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;

/**
 * The platform's certificate authority for merchants' API client certificates, and the certificates it issues: RSA
 * 2048, SHA-256, the merchant's {@code mch_id} as the subject's common name, handed over as a PKCS#12 whose password
 * is the mch_id (WeChat's {@code apiclient_cert.p12} convention, which WxJava follows when it opens the file).
 */
public final class ClientCertificates {

    /** The authority and its key, as stored (the key sealed by the caller). */
    public record Authority(X509Certificate certificate, PrivateKey key) {
    }

    /** An issued client certificate and the PKCS#12 that carries it with its key. */
    public record Issued(X509Certificate certificate, byte[] p12) {
    }

    static final Duration AUTHORITY_VALIDITY = Duration.ofDays(3650);
    static final Duration CLIENT_VALIDITY = Duration.ofDays(5 * 365);
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANISATION = "2.5.4.10";
    private static final String COUNTRY = "2.5.4.6";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientCertificates() {
    }

    /** A new self-signed authority named after the installation. */
    public static Authority newAuthority(String installation, Instant now) {
        KeyPair pair = rsa();
        byte[] name = name(installation + " merchant CA", installation);
        byte[] caExtension = Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.bool(true),
                Der.octetString(Der.sequence(Der.bool(true))));
        return new Authority(sign(name, name, pair.getPublic(), now, AUTHORITY_VALIDITY, caExtension,
                pair.getPrivate()), pair.getPrivate());
    }

    /** A client certificate for {@code mchId} signed by the authority, in a PKCS#12 opened with the mch_id. */
    public static Issued issue(Authority authority, String mchId, String merchantName, Instant now) {
        KeyPair pair = rsa();
        byte[] subject = name(mchId, merchantName);
        byte[] issuer = authority.certificate().getSubjectX500Principal().getEncoded();
        byte[] clientExtension = Der.sequence(Der.oid(EXTENDED_KEY_USAGE),
                Der.octetString(Der.sequence(Der.oid(CLIENT_AUTH))));
        X509Certificate certificate = sign(subject, issuer, pair.getPublic(), now, CLIENT_VALIDITY,
                clientExtension, authority.key());
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("apiclient", pair.getPrivate(), mchId.toCharArray(),
                    new Certificate[] {certificate, authority.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, mchId.toCharArray());
            return new Issued(certificate, out.toByteArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("PKCS#12 is part of every Java platform", e);
        }
    }

    public static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored certificate does not parse", e);
        }
    }

    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored key does not parse", e);
        }
    }

    private static X509Certificate sign(byte[] subject, byte[] issuer, PublicKey key, Instant now,
            Duration validity, byte[] extension, PrivateKey signer) {
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nul());
        byte[] tbs = Der.sequence(Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(64, RANDOM).add(BigInteger.ONE)), algorithm, issuer,
                Der.sequence(Der.time(now.minus(Duration.ofMinutes(5))), Der.time(now.plus(validity))), subject,
                key.getEncoded(), Der.explicit(3, Der.sequence(extension)));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer);
            signature.update(tbs);
            return certificate(Der.sequence(tbs, algorithm, Der.bitString(signature.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every Java platform", e);
        }
    }

    private static byte[] name(String commonName, String organisation) {
        return Der.sequence(Der.set(Der.sequence(Der.oid(COUNTRY), Der.printable("CN"))),
                Der.set(Der.sequence(Der.oid(ORGANISATION), Der.utf8(organisation))),
                Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java platform", e);
        }
    }
}
