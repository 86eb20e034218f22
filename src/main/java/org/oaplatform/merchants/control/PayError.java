package org.oaplatform.merchants.control;

import java.util.Locale;
import org.oaplatform.platform.control.ErrorCode;

/**
 * The merchant API's errors ({@code /pay}), each named by its WeChat Pay v2 {@code err_code} (spec §2.3) and shown
 * only there, as signed XML (boundary.PayAnswers); the errcode and problem faces exist because every code has them,
 * not because another surface uses them.
 */
public enum PayError implements ErrorCode {
    POST_DATA_EMPTY("post数据为空 (the request has no body)"),
    XML_FORMAT_ERROR("XML格式错误 (the body is not WeChat Pay XML)"),
    NOT_UTF8("编码格式错误 (the body must be UTF-8)"),
    REQUIRE_POST_METHOD("请使用post方法 (use POST)"),
    LACK_PARAMS("缺少参数 (a required field is missing)"),
    NOAUTH("商户无此接口权限 (the platform suspended this merchant)"),
    SIGNERROR("签名错误 (the signature does not match the merchant's API key)"),
    MCHID_NOT_EXIST("商户号不存在 (no such mch_id)"),
    APPID_MCHID_NOT_MATCH("appid和mch_id不匹配 (the appid is not the merchant's account)"),
    INVALID_REQUEST("参数错误 (a field has an invalid value)"),
    OUT_TRADE_NO_USED("商户订单号重复 (this out_trade_no was used for a different order)"),
    ORDERPAID("该订单已支付 (the order is paid)"),
    ORDERCLOSED("订单已关闭 (the order is closed)"),
    ORDERNOTEXIST("此交易订单号不存在 (no such order)"),
    AUTH_CODE_INVALID("授权码检验错误 (the payment code is not one the payer showed, or was used)"),
    AUTHCODEEXPIRE("二维码已过期，请用户在微信上刷新后再试 (the payment code expired; the payer shows a new one)"),
    USERPAYING("用户支付中，需要输入密码 (the payer confirms with the payment password)"),
    ORDERREVERSED("订单已撤销 (the order was reversed)"),
    REVERSE_EXPIRE("订单已过撤销期限 (an order is reversed within 7 days)"),
    NOTENOUGH("余额不足 (the balance is not enough: the payer's for a payment, the merchant's for a refund)"),
    ERROR("申请退款业务发生错误 (this refund cannot be made; see err_code_des)"),
    REFUND_FEE_MISMATCH("订单金额或退款金额与之前请求不一致，请核实后再试 (the amounts differ from the order or from the "
            + "earlier request under this out_refund_no)"),
    TRADE_OVERDUE("订单已经超过退款期限 (the order was paid more than 365 days ago)"),
    FREQUENCY_LIMITED("频率限制 (too frequent)"),
    REFUNDNOTEXIST("退款订单查询失败 (no such refund)"),
    SYSTEMERROR("系统错误 (a system error; query the order, then retry)");

    private final Wire wire;

    PayError(String message) {
        boolean ours = name().equals("SYSTEMERROR");
        this.wire = new Wire(ours ? -1 : 40097, "pay-" + name().toLowerCase(Locale.ROOT).replace('_', '-'),
                ours ? 500 : 400, message);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
