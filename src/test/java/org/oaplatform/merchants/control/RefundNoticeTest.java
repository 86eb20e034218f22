package org.oaplatform.merchants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.binarywang.wxpay.bean.notify.WxPayRefundNotifyResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refund notification as WxJava's {@code WxPayRefundNotifyResult} decrypts and reads it. */
class RefundNoticeTest {

    private static final String KEY = "192006250b4c09247ec02edce69f6a2d";

    @Test
    void reqInfoIsTheRootDocumentUnderTheMd5OfTheKey() throws Exception {
        Map<String, String> head = new LinkedHashMap<>();
        head.put("appid", "wxd930ea5d5a258f4f");
        head.put("mch_id", "1000010000");
        head.put("nonce_str", "0123456789abcdef");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("transaction_id", "4200" + "1".repeat(24));
        fields.put("out_trade_no", "T0001-xyz");
        fields.put("refund_id", "50" + "2".repeat(27));
        fields.put("out_refund_no", "R-1");
        fields.put("total_fee", "1000");
        fields.put("refund_fee", "400");
        fields.put("refund_status", "SUCCESS");
        fields.put("success_time", "2026-12-03 12:00:01");
        fields.put("refund_recv_accout", "支付用户零钱");
        String document = RefundNotice.document(head, fields, KEY);

        WxPayRefundNotifyResult parsed = WxPayRefundNotifyResult.fromXML(document, KEY);
        assertEquals("SUCCESS", parsed.getReturnCode());
        assertEquals("1000010000", parsed.getMchId());
        assertNull(parsed.getSign(), "WeChat does not sign refund notifications");
        WxPayRefundNotifyResult.ReqInfo info = parsed.getReqInfo();
        assertEquals("R-1", info.getOutRefundNo());
        assertEquals(400, info.getRefundFee());
        assertEquals(1000, info.getTotalFee());
        assertEquals("SUCCESS", info.getRefundStatus());
        assertEquals("2026-12-03 12:00:01", info.getSuccessTime());
        assertEquals("支付用户零钱", info.getRefundRecvAccount());
    }

    @Test
    void encryptionRoundTripsAndDependsOnTheKey() {
        String secret = RefundNotice.encrypt("<root><a>1</a></root>", KEY);
        assertEquals("<root><a>1</a></root>", RefundNotice.decrypt(secret, KEY));
        assertEquals(false, secret.equals(RefundNotice.encrypt("<root><a>1</a></root>", KEY.toUpperCase())));
    }
}
