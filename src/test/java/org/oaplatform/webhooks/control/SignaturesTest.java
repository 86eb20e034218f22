package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    /** Spec §2.1 and §2.5 worked examples. */
    @Test
    void reproducesTheSpecsWorkedVectors() {
        assertEquals("ed26e9cf5447a1d6ff426d00b1b69e4e813e9a64",
                Signatures.urlSignature("testtoken", "1714036504", "1514711492"));
        assertEquals("adce6654ae1dc89c774bb34a4725c32332ed8c3d",
                Signatures.messageSignature("testtoken", "1714036504", "1514711492",
                        "Q3stYC6hdFzMh9T8HCvyDFG6MzaiOXQtrDCewC0jdxA5rDQsufl+fJlHtr7rW/c8/lKVHg2m0xsU2tTk2s92mzgYzG4MKMg4QEZmsn8nnTOwt4qUDsjFxIkdY8Xvq4kR"));
    }

    @Test
    void wxJavasServiceAcceptsOurUrlSignature() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId("wx1234567890abcdef");
        config.setToken("a token with spaces & ünïcode");
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        String signature = Signatures.urlSignature(config.getToken(), "1700000000", "Zz09");
        assertTrue(service.checkSignature("1700000000", "Zz09", signature));
        assertFalse(service.checkSignature("1700000001", "Zz09", signature));
    }

    /** Upper case sorts before lower case and "10" before "9": plain string order, whatever order we are given. */
    @Test
    void sortsAsPlainStringsLikeWxJava() {
        assertEquals(SHA1.gen("b", "B", "10", "9+/="), Signatures.messageSignature("9+/=", "b", "10", "B"));
        assertEquals(SHA1.gen("b", "B", "10"), Signatures.urlSignature("10", "b", "B"));
    }

    @Test
    void comparesWholeSignaturesOnly() {
        String signature = Signatures.urlSignature("t", "1", "n");
        assertTrue(Signatures.matches(signature, signature));
        assertFalse(Signatures.matches(signature, signature.substring(1)));
        assertFalse(Signatures.matches(signature, signature.toUpperCase()));
        assertFalse(Signatures.matches(signature, ""));
        assertFalse(Signatures.matches(signature, null));
    }

    @Test
    void refusesAMissingPart() {
        assertThrows(IllegalArgumentException.class, () -> Signatures.urlSignature("t", null, "n"));
    }
}
