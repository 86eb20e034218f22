package org.oaplatform.merchants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oaplatform.merchants.control.PaySignature.SignType;

/** The official v2 test vector (spec §2.6), both algorithms, and what a verifier must ignore or refuse. */
class PaySignatureTest {

    static final String KEY = "192006250b4c09247ec02edce69f6a2d";

    static Map<String, String> vector() {
        Map<String, String> fields = new LinkedHashMap<>();
        // Deliberately out of order: the signature sorts.
        fields.put("nonce_str", "ibuaiVcKdpRxkhJA");
        fields.put("mch_id", "10000100");
        fields.put("appid", "wxd930ea5d5a258f4f");
        fields.put("device_info", "1000");
        fields.put("body", "test");
        return fields;
    }

    @Test
    void theCanonicalStringIsTheSpecs() {
        assertEquals("appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100"
                + "&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d",
                PaySignature.canonical(vector(), KEY));
    }

    @Test
    void md5MatchesTheOfficialVector() {
        assertEquals("9A0A8659F005D6984697E2CA0A9CF3B7", PaySignature.sign(vector(), SignType.MD5, KEY));
    }

    @Test
    void hmacSha256MatchesTheOfficialVector() {
        assertEquals("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6",
                PaySignature.sign(vector(), SignType.HMAC_SHA256, KEY));
    }

    @Test
    void emptyValuesAndTheSignItselfAreLeftOut() {
        Map<String, String> fields = new HashMap<>(vector());
        fields.put("attach", "");
        fields.put("sign", "ANYTHING");
        assertEquals("9A0A8659F005D6984697E2CA0A9CF3B7", PaySignature.sign(fields, SignType.MD5, KEY));
    }

    @Test
    void verifiesTheRightSignatureInEitherCaseAndNothingElse() {
        Map<String, String> fields = new HashMap<>(vector());
        fields.put("sign", "9a0a8659f005d6984697e2ca0a9cf3b7");
        assertTrue(PaySignature.verify(fields, SignType.MD5, KEY));
        assertFalse(PaySignature.verify(fields, SignType.HMAC_SHA256, KEY), "another algorithm");
        assertFalse(PaySignature.verify(fields, SignType.MD5, KEY.replace('1', '2')), "another key");
        fields.put("body", "test2");
        assertFalse(PaySignature.verify(fields, SignType.MD5, KEY), "a changed field");
        fields.remove("sign");
        assertFalse(PaySignature.verify(fields, SignType.MD5, KEY), "no signature");
    }

    @Test
    void signTypesByTheirWireNames() {
        assertEquals(Optional.of(SignType.MD5), SignType.ofWire(null));
        assertEquals(Optional.of(SignType.MD5), SignType.ofWire("MD5"));
        assertEquals(Optional.of(SignType.HMAC_SHA256), SignType.ofWire("HMAC-SHA256"));
        assertEquals(Optional.empty(), SignType.ofWire("SHA1"));
    }
}
