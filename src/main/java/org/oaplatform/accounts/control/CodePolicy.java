package org.oaplatform.accounts.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.oaplatform.platform.control.ErrorCode;

/**
 * The rules for SMS verification codes, free of storage so they can be tested with plain numbers: how long a code
 * lives, how often one may be asked for, and when wrong tries burn it.
 */
public record CodePolicy(Duration validity, int maxWrongTries, Duration resendInterval, int maxPerPhonePerDay,
        int maxPerAddressPerHour) {

    public static final CodePolicy STANDARD = new CodePolicy(Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 10, 30);

    public static final int CODE_DIGITS = 6;

    /**
     * Why a new code may not be sent now, if it may not.
     *
     * @param newestForPhone when the phone's newest code was sent, if ever
     * @param sentToPhoneLastDay codes sent to this phone in the last 24 hours
     * @param sentFromAddressLastHour codes requested from this address in the last hour
     */
    public Optional<ErrorCode> refusal(Instant now, Optional<Instant> newestForPhone, long sentToPhoneLastDay,
            long sentFromAddressLastHour) {
        if (newestForPhone.isPresent() && now.isBefore(newestForPhone.get().plus(resendInterval))) {
            return Optional.of(AccountError.CODE_REQUESTED_TOO_SOON);
        }
        if (sentToPhoneLastDay >= maxPerPhonePerDay || sentFromAddressLastHour >= maxPerAddressPerHour) {
            return Optional.of(AccountError.CODE_LIMIT_REACHED);
        }
        return Optional.empty();
    }

    public Instant expiryOf(Instant sentAt) {
        return sentAt.plus(validity);
    }

    /** A code can still be tried while it is unspent, unexpired and has fewer than the allowed wrong tries. */
    public boolean usable(Instant now, Instant expiresAt, int wrongTries, boolean spent) {
        return !spent && now.isBefore(expiresAt) && wrongTries < maxWrongTries;
    }
}
