package org.oaplatform.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentPasswordsTest {

    private static final Optional<String> KEY = Optional.of(Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32}));
    private static final Optional<String> OTHER_KEY = Optional.of(Base64.getEncoder().encodeToString(new byte[32]));

    private final PaymentPasswords unpeppered = PaymentPasswords.withSecretKey(Optional.empty());
    private final PaymentPasswords peppered = PaymentPasswords.withSecretKey(KEY);

    @ParameterizedTest
    @ValueSource(strings = {"135790", "123457", "112233", "090909", "000001", "246801", "987653", "102938"})
    void ordinarySixDigitPinsAreAcceptable(String pin) {
        assertTrue(PaymentPasswords.acceptable(pin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "111111", "999999", "123456", "234567", "456789", "012345", "654321", "987654",
        "543210"})
    void repeatedDigitsAndRunsAreNot(String pin) {
        assertFalse(PaymentPasswords.acceptable(pin));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "1357902", "13579a", "13 579", "１３５７９０", "-13579", "135790\n"})
    void anythingButSixAsciiDigitsIsNot(String pin) {
        assertFalse(PaymentPasswords.acceptable(pin));
    }

    @Test
    void aHashMatchesItsPinAndNoOther() {
        for (PaymentPasswords passwords : new PaymentPasswords[] {unpeppered, peppered}) {
            String stored = passwords.hash("135790");
            assertTrue(passwords.matches("135790", stored));
            assertFalse(passwords.matches("135791", stored));
            assertFalse(passwords.matches("", stored));
            assertFalse(passwords.matches(null, stored));
        }
    }

    @Test
    void theStoredFormSaysWhetherItIsPeppered() {
        String plain = unpeppered.hash("135790");
        String salted = peppered.hash("135790");
        assertTrue(plain.startsWith("pbkdf2-sha256$1000$p0$"), plain);
        assertTrue(salted.startsWith("pbkdf2-sha256$1000$p1$"), salted);
        assertEquals(5, salted.split("\\$").length);
        assertEquals(16, Base64.getDecoder().decode(salted.split("\\$")[3]).length);
        assertEquals(32, Base64.getDecoder().decode(salted.split("\\$")[4]).length);
    }

    @Test
    void everyHashHasItsOwnSalt() {
        String first = peppered.hash("135790");
        String second = peppered.hash("135790");
        assertNotEquals(first, second);
        assertNotEquals(first.split("\\$")[3], second.split("\\$")[3]);
        assertTrue(peppered.matches("135790", first));
        assertTrue(peppered.matches("135790", second));
    }

    @Test
    void aHashMadeBeforeTheKeyWasConfiguredStillVerifies() {
        String before = unpeppered.hash("246801");
        assertTrue(peppered.matches("246801", before));
        assertFalse(peppered.matches("246802", before));
        assertTrue(peppered.needsRehash(before));
        assertFalse(peppered.needsRehash(peppered.hash("246801")));
        assertFalse(unpeppered.needsRehash(before));
    }

    @Test
    void aPepperedHashNeedsItsKey() {
        String stored = peppered.hash("246801");
        assertFalse(unpeppered.matches("246801", stored));
        assertFalse(PaymentPasswords.withSecretKey(OTHER_KEY).matches("246801", stored));
        assertTrue(PaymentPasswords.withSecretKey(KEY).matches("246801", stored));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "$$$$", "pbkdf2-sha256$1000$p0$AAAA", "pbkdf2-sha256$1000$p0$AAAA$BBBB$CCCC",
        "pbkdf2-sha1$1000$p0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$many$p0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$0$p0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$2000000000$p0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$p2$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$p0$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$p0$AAAAAAAAAAAAAAAAAAAAAA==$",
        "pbkdf2-sha256$1000$p0$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})
    void aMalformedStoredValueMatchesNothing(String stored) {
        assertFalse(unpeppered.matches("135790", stored));
        assertFalse(peppered.matches("135790", stored));
        assertTrue(peppered.needsRehash(stored));
    }

    @Test
    void aKeyThatIsNot32BytesIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> PaymentPasswords.withSecretKey(Optional.of(Base64.getEncoder().encodeToString(new byte[16]))));
        assertThrows(IllegalStateException.class, () -> PaymentPasswords.withSecretKey(Optional.of("not base64!")));
    }

    @Test
    void aBlankKeyMeansNoPepper() {
        assertTrue(PaymentPasswords.withSecretKey(Optional.of("  ")).hash("135790").contains("$p0$"));
    }
}
