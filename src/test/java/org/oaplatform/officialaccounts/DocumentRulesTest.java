package org.oaplatform.officialaccounts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.oaplatform.officialaccounts.control.DocumentRules;
import org.oaplatform.officialaccounts.control.IpAddresses;
import org.oaplatform.officialaccounts.control.OfficialAccountError;
import org.oaplatform.platform.control.BusinessException;

class DocumentRulesTest {

    private static final byte[] PDF = "%PDF-1.7 scan".getBytes();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};

    @Test
    void acceptsPdfPngAndJpegWhoseBytesMatch() {
        assertDoesNotThrow(() -> DocumentRules.check("a.pdf", "application/pdf", PDF));
        assertDoesNotThrow(() -> DocumentRules.check("a.png", "image/png", PNG));
        assertDoesNotThrow(() -> DocumentRules.check("a.jpg", "image/jpeg", JPEG));
    }

    @Test
    void refusesOtherTypesMismatchedBytesEmptyAndOversizedFiles() {
        assertRejected(() -> DocumentRules.check("a.exe", "application/octet-stream", PDF));
        assertRejected(() -> DocumentRules.check("unknown", null, PDF));
        assertRejected(() -> DocumentRules.check("a.pdf", "application/pdf", PNG));
        assertRejected(() -> DocumentRules.check("a.pdf", "application/pdf", new byte[0]));
        byte[] big = Arrays.copyOf(PDF, DocumentRules.MAX_BYTES + 1);
        assertRejected(() -> DocumentRules.check("big.pdf", "application/pdf", big));
        assertDoesNotThrow(() -> DocumentRules.check("max.pdf", "application/pdf", Arrays.copyOf(PDF, DocumentRules.MAX_BYTES)));
    }

    @Test
    void oneToThreeDocuments() {
        assertRejected(() -> DocumentRules.checkCount(0));
        assertDoesNotThrow(() -> DocumentRules.checkCount(3));
        assertRejected(() -> DocumentRules.checkCount(4));
    }

    @Test
    void whitelistTakesLiteralAddressesOnly() {
        assertEquals(true, IpAddresses.isLiteral("203.0.113.7"));
        assertEquals(true, IpAddresses.isLiteral("2001:db8::1"));
        assertEquals(false, IpAddresses.isLiteral("256.1.1.1"));
        assertEquals(false, IpAddresses.isLiteral("example.com"));
        assertEquals(false, IpAddresses.isLiteral(""));
    }

    private static void assertRejected(org.junit.jupiter.api.function.Executable check) {
        assertEquals(OfficialAccountError.DOCUMENT_REJECTED, assertThrows(BusinessException.class, check).code());
    }
}
