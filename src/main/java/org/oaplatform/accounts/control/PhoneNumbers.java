package org.oaplatform.accounts.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import org.oaplatform.platform.control.BusinessException;

/**
 * Phone numbers as people type them ("138 0013 8000" in region CN, "+44 7700 900123") become one canonical
 * E.164 string, so that one phone is one account however it was written.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param region ISO 3166 alpha-2 region the number was dialled in (e.g. {@code CN}); ignored when the number
     *               starts with {@code +}
     * @return the number in E.164, e.g. {@code +8613800138000}
     */
    public static String normalise(String region, String phone) {
        if (phone == null || phone.isBlank() || phone.length() > 32) {
            throw invalid();
        }
        String regionCode = region == null ? null : region.trim().toUpperCase(Locale.ROOT);
        try {
            PhoneNumber parsed = UTIL.parse(phone.trim(), regionCode);
            if (!UTIL.isValidNumber(parsed)) {
                throw invalid();
            }
            return UTIL.format(parsed, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw invalid();
        }
    }

    /** The ISO region a number belongs to, e.g. {@code CN} for +86 numbers. */
    public static String regionOf(String e164) {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, null));
            return region == null ? "ZZ" : region;
        } catch (NumberParseException e) {
            throw invalid();
        }
    }

    /** {@code +8613800138000} becomes {@code +86138****8000}: enough for logs and support, useless to a thief. */
    public static String masked(String e164) {
        if (e164.length() < 8) {
            return "****";
        }
        return e164.substring(0, e164.length() - 8) + "****" + e164.substring(e164.length() - 4);
    }

    private static BusinessException invalid() {
        return new BusinessException(AccountError.INVALID_PHONE,
                "not a valid phone number for the given region (use E.164, e.g. +8613800138000, or a region and a local number)");
    }
}
