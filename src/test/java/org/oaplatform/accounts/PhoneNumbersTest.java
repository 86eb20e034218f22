package org.oaplatform.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oaplatform.accounts.control.AccountError;
import org.oaplatform.accounts.control.PhoneNumbers;
import org.oaplatform.platform.control.BusinessException;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "CN, 13800138000, +8613800138000",
        "CN, 138 0013 8000, +8613800138000",
        "cn, +86 138-0013-8000, +8613800138000",
        "US, +86 13800138000, +8613800138000",
        "GB, 07400 123456, +447400123456",
        "US, (201) 555-0123, +12015550123",
        ", +8613800138000, +8613800138000"
    })
    void normalisesToE164(String region, String typed, String expected) {
        assertEquals(expected, PhoneNumbers.normalise(region, typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "abcdefgh", "", "   ", "+86123"})
    void rejectsWhatIsNotAPhoneNumber(String typed) {
        BusinessException e = assertThrows(BusinessException.class, () -> PhoneNumbers.normalise("CN", typed));
        assertEquals(AccountError.INVALID_PHONE, e.code());
    }

    @Test
    void aLocalNumberNeedsARegion() {
        assertThrows(BusinessException.class, () -> PhoneNumbers.normalise(null, "13800138000"));
    }

    @Test
    void knowsTheRegionOfANumber() {
        assertEquals("CN", PhoneNumbers.regionOf("+8613800138000"));
        assertEquals("GB", PhoneNumbers.regionOf("+447400123456"));
    }

    @Test
    void masksTheMiddle() {
        assertEquals("+86138****8000", PhoneNumbers.masked("+8613800138000"));
    }
}
