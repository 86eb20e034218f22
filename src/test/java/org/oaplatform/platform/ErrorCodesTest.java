package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oaplatform.accounts.control.AccountError;
import org.oaplatform.conversations.control.ConversationError;
import org.oaplatform.followers.control.FollowerError;
import org.oaplatform.officialaccounts.control.OfficialAccountError;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.webhooks.control.WebhookError;
import org.oaplatform.wechatapi.control.WeChatApiError;

/** The codes are spread over the components' enums; together they must still behave as one table. */
class ErrorCodesTest {

    private static Stream<ErrorCode> all() {
        return Stream.of(PlatformError.values(), AccountError.values(), OfficialAccountError.values(),
                FollowerError.values(), WeChatApiError.values(), PaymentError.values(),
                WebhookError.values(), ConversationError.values()).flatMap(Stream::of);
    }

    @Test
    void namesAreUniqueAcrossComponentsBecauseThePortalKeysMessagesByThem() {
        Map<String, ErrorCode> byName = new HashMap<>();
        all().forEach(code -> assertEquals(null, byName.put(code.name(), code), "two codes named " + code.name()));
    }

    @Test
    void aProblemTypeMeansOneHttpStatus() {
        Map<String, Integer> statusByType = new HashMap<>();
        all().forEach(code -> {
            Integer before = statusByType.putIfAbsent(code.problemType(), code.httpStatus());
            assertTrue(before == null || before == code.httpStatus(), code.problemType() + " has two statuses");
        });
    }

    @Test
    void portalMessagesNameRealCodesInBothLanguages() throws IOException {
        Set<String> names = all().map(ErrorCode::name).collect(Collectors.toSet());
        Set<String> english = errorKeys("messages.properties");
        assertEquals(english, errorKeys("messages_zh_CN.properties"));
        english.forEach(name -> assertTrue(names.contains(name), "error." + name + " names no code"));
    }

    private Set<String> errorKeys(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/oaplatform/portal/" + bundle)) {
            messages.load(in);
        }
        return messages.stringPropertyNames().stream().filter(k -> k.matches("error\\.[A-Z][A-Z0-9_]*"))
                .map(k -> k.substring("error.".length())).collect(Collectors.toSet());
    }
}
