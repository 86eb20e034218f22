package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.Ids;

class IdsTest {

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
            for (Ids.Kind kind : Ids.Kind.values()) {
                String id = ids.next(kind);
                assertTrue(kind.matches(id), id);
                for (Ids.Kind other : Ids.Kind.values()) {
                    assertEquals(other == kind, other.matches(id), id + " as " + other);
                }
            }
        }
    }

    @Test
    void malformedIdsMatchNothing() {
        for (String id : new String[] {null, "", "名字😀", "trf_\u200F0123456789abcde", "trf_0123456789ABCDEF",
                "trf_0123456789abcdef0", "o👩\u200D💻" + "a".repeat(24), "o" + "a".repeat(28), "wx0123456789abcdeg",
                "pst_0123456789abcde\n"}) {
            assertFalse(Ids.Kind.any(id), id);
            assertFalse(Ids.matches(Ids.OPENID, id), id);
            assertFalse(Ids.matches(Ids.APPID, id), id);
        }
    }
}
