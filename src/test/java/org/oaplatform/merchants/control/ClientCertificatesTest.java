package org.oaplatform.merchants.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCertificatesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");

    @Test
    void theClientCertificateIsSignedByTheAuthorityAndOpensWithTheMchId() throws Exception {
        ClientCertificates.Authority authority = ClientCertificates.newAuthority("OA Platform", NOW);
        X509Certificate ca = authority.certificate();
        ca.verify(ca.getPublicKey());
        assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints(), "an authority without a path length limit");

        ClientCertificates.Issued issued = ClientCertificates.issue(authority, "1234567890", "Corner Café", NOW);
        byte[] p12 = issued.p12();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(p12), "1234567890".toCharArray());
        assertEquals(List.of("apiclient"), Collections.list(store.aliases()));
        assertTrue(store.getKey("apiclient", "1234567890".toCharArray()) instanceof PrivateKey);
        Certificate[] chain = store.getCertificateChain("apiclient");
        X509Certificate client = (X509Certificate) chain[0];
        client.verify(ca.getPublicKey());
        client.checkValidity(Date.from(NOW));
        assertTrue(client.getSubjectX500Principal().getName().contains("CN=1234567890"),
                client.getSubjectX500Principal().getName());
        assertTrue(client.getSubjectX500Principal().getName().contains("O=Corner Café"));
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), client.getExtendedKeyUsage(), "client authentication");
        assertEquals(-1, client.getBasicConstraints(), "not an authority");
        assertEquals(ca.getSubjectX500Principal(), client.getIssuerX500Principal());
        assertArrayEquals(ca.getEncoded(), chain[1].getEncoded());
        assertEquals(issued.certificate(), client);
    }

    @Test
    void derEncodesLongLengthsAndLargeArcs() {
        assertArrayEquals(new byte[] {0x06, 0x03, 0x55, 0x1d, 0x13}, Der.oid("2.5.29.19"));
        assertArrayEquals(new byte[] {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
            0x0b}, Der.oid("1.2.840.113549.1.1.11"));
        byte[] big = Der.octetString(new byte[300]);
        assertEquals(0x82, big[1] & 0xff);
        assertEquals(300, (big[2] & 0xff) << 8 | big[3] & 0xff);
    }
}
