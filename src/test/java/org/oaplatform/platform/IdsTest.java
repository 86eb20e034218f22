package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oaplatform.officialaccounts.entity.VerificationApplication;
import org.oaplatform.payments.entity.BankCard;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.RedPacket;
import org.oaplatform.payments.entity.TopUp;
import org.oaplatform.payments.entity.Transfer;
import org.oaplatform.payments.entity.Withdrawal;
import org.oaplatform.platform.control.Ids;

class IdsTest {

    private static final List<String> PREFIXES = List.of(Transfer.ID_PREFIX, RedPacket.ID_PREFIX, TopUp.ID_PREFIX,
            Withdrawal.ID_PREFIX, BankCard.ID_PREFIX, Posting.ID_PREFIX, VerificationApplication.ID_PREFIX);

    private final Ids ids = new Ids();

    @Test
    void appIdIsWxAnd16Hex() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(ids.appId().matches("wx[0-9a-f]{16}"));
        }
    }

    @Test
    void secretIs32Hex() {
        assertTrue(ids.appSecret().matches("[0-9a-f]{32}"));
    }

    @Test
    void originalIdLooksLikeWeChats() {
        assertTrue(ids.originalId().matches("gh_[0-9a-f]{12}"));
    }

    @Test
    void tokensAreUrlSafeAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = ids.token(32);
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            assertTrue(seen.add(token));
        }
    }

    @Test
    void digitsKeepLeadingZeros() {
        for (int i = 0; i < 1000; i++) {
            assertEquals(6, ids.digits(6).length());
        }
    }

    @Test
    void everyIdMadeMatchesThePatternOfItsKindAndNoOther() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(Ids.matches(Ids.APPID, ids.appId()));
            assertTrue(Ids.matches(Ids.OPENID, ids.openid()));
            for (String prefix : PREFIXES) {
                String id = ids.publicId(prefix);
                assertTrue(Ids.isPublicId(prefix, id), id);
                for (String other : PREFIXES) {
                    assertEquals(other.equals(prefix), Ids.isPublicId(other, id), id + " as " + other);
                }
            }
        }
    }

    @Test
    void malformedIdsMatchNothing() {
        for (String id : new String[] {null, "", "名字😀", "trf_\u200F0123456789abcde", "trf_0123456789ABCDEF",
                "trf_0123456789abcdef0", "o👩\u200D💻" + "a".repeat(24), "o" + "a".repeat(28), "wx0123456789abcdeg",
                "pst_0123456789abcde\n"}) {
            assertFalse(Ids.isPublicId(id), id);
            assertFalse(Ids.matches(Ids.OPENID, id), id);
            assertFalse(Ids.matches(Ids.APPID, id), id);
        }
    }
}
