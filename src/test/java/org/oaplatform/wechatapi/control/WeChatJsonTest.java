package org.oaplatform.wechatapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

class WeChatJsonTest {

    @Test
    void jsonNestedTenThousandDeepIsADataFormatError() {
        for (String body : new String[] {"[".repeat(10_000) + "]".repeat(10_000),
                "{\"tag\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001)}) {
            BusinessException refused = assertThrows(BusinessException.class, () -> WeChatJson.parseObject(body));
            assertEquals(PlatformError.MALFORMED_REQUEST, refused.code());
        }
    }

    @Test
    void anythingButAnObjectIsADataFormatError() {
        for (String body : new String[] {"[]", "1", "\"text\"", "{", "{\"a\":}", " "}) {
            BusinessException refused = assertThrows(BusinessException.class, () -> WeChatJson.parseObject(body));
            assertEquals(PlatformError.MALFORMED_REQUEST, refused.code(), body);
        }
    }
}
