package org.oaplatform.merchants.control;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.oaplatform.merchants.entity.TradeType;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.webhooks.control.OutboundUrlPolicy;

/**
 * A {@code /pay/unifiedorder} request, checked field by field (spec §2.2): what is missing is {@code LACK_PARAMS},
 * what is malformed {@code INVALID_REQUEST}. Its {@link #fingerprint} covers what the merchant asked for, so that the
 * same order placed again gets the same answer and another order under the same {@code out_trade_no} is refused;
 * the nonce, the signature and the client's IP are not part of it.
 */
public record UnifiedOrder(String outTradeNo, TradeType tradeType, String body, String attach, long totalFee,
        String productId, String openid, String deviceInfo, URI notifyUrl, String clientIp, Instant timeExpire,
        String fingerprint) {

    /** 50 000 CNY, the wallet's own ceiling for one movement. */
    public static final long MAX_TOTAL_FEE = 5_000_000;
    /** A prepay_id and a code_url are valid two hours (spec §1.7), whatever {@code time_expire} says. */
    public static final Duration PREPAY_VALIDITY = Duration.ofHours(2);
    /** An order that expires sooner than this could not be paid by a person. */
    static final Duration SHORTEST_EXPIRY = Duration.ofMinutes(1);

    private static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9A-Za-z_\\-|*]{6,32}");
    static final Pattern WHOLE_FEN = Pattern.compile("[0-9]{1,18}");
    private static final List<String> SAME_ORDER_FIELDS = List.of("appid", "body", "attach", "detail", "total_fee",
            "fee_type", "trade_type", "openid", "product_id", "notify_url", "time_start", "time_expire",
            "device_info", "goods_tag", "limit_pay");

    public static UnifiedOrder of(Map<String, String> fields, OutboundUrlPolicy urls, Instant now) {
        String tradeTypeText = required(fields, "trade_type");
        TradeType tradeType = TradeType.ofWire(tradeTypeText).orElseThrow(() -> invalid("trade_type "
                + tradeTypeText + " is not supported here: NATIVE or JSAPI"));
        String outTradeNo = required(fields, "out_trade_no");
        if (!OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            throw invalid("out_trade_no must be 6 to 32 of 0-9 A-Z a-z _ - | *");
        }
        String body = required(fields, "body");
        if (body.length() > 127) {
            throw invalid("body is longer than 127 characters");
        }
        String attach = optional(fields, "attach", 127);
        String fee = required(fields, "total_fee");
        long totalFee = WHOLE_FEN.matcher(fee).matches() ? Long.parseLong(fee) : 0;
        if (totalFee <= 0 || totalFee > MAX_TOTAL_FEE) {
            throw invalid("total_fee must be a whole number of fen from 1 to " + MAX_TOTAL_FEE);
        }
        String feeType = fields.get("fee_type");
        if (feeType != null && !feeType.isEmpty() && !feeType.equals("CNY")) {
            throw invalid("fee_type must be CNY");
        }
        String clientIp = required(fields, "spbill_create_ip");
        if (clientIp.length() > 64) {
            throw invalid("spbill_create_ip is not an IP address");
        }
        URI notifyUrl = notifyUrl(required(fields, "notify_url"), urls);
        String productId = optional(fields, "product_id", 32);
        String openid = optional(fields, "openid", 28);
        if (tradeType == TradeType.NATIVE && productId == null) {
            throw lacking("product_id (NATIVE)");
        }
        if (tradeType == TradeType.JSAPI) {
            if (openid == null) {
                throw lacking("openid (JSAPI)");
            }
            if (!Ids.matches(Ids.OPENID, openid)) {
                throw invalid("openid is not an openid of this platform");
            }
        }
        Instant timeExpire = timeExpire(fields.get("time_expire"), now);
        return new UnifiedOrder(outTradeNo, tradeType, body, attach, totalFee, productId,
                tradeType == TradeType.JSAPI ? openid : null, optional(fields, "device_info", 32), notifyUrl, clientIp,
                timeExpire, fingerprint(fields));
    }

    /** Until when it may be paid: two hours from {@code issuedAt}, or the merchant's {@code time_expire} if sooner. */
    public Instant payableUntil(Instant issuedAt) {
        Instant prepayEnds = issuedAt.plus(PREPAY_VALIDITY);
        return timeExpire != null && timeExpire.isBefore(prepayEnds) ? timeExpire : prepayEnds;
    }

    static String fingerprint(Map<String, String> fields) {
        StringBuilder canonical = new StringBuilder("unifiedorder");
        for (String name : SAME_ORDER_FIELDS) {
            String value = fields.get(name);
            canonical.append('\u001f').append(name).append('=').append(value == null ? "" : value);
        }
        return Hashing.sha256Hex(canonical.toString());
    }

    /** A notify_url the merchant named: at most 256 characters, public unless allowed, no query string. */
    public static URI notifyUrl(String text, OutboundUrlPolicy urls) {
        if (text.length() > 256) {
            throw invalid("notify_url is longer than 256 characters");
        }
        URI uri;
        try {
            uri = urls.checkUrl(text);
        } catch (BusinessException refused) {
            throw invalid("notify_url: " + refused.getMessage());
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("notify_url must carry no query string");
        }
        return uri;
    }

    private static Instant timeExpire(String text, Instant now) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant at = PayTime.parse(text).orElseThrow(() -> invalid("time_expire must be yyyyMMddHHmmss"));
        if (at.isBefore(now.plus(SHORTEST_EXPIRY))) {
            throw invalid("time_expire must be at least " + SHORTEST_EXPIRY.toMinutes() + " minute from now");
        }
        return at;
    }

    public static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw lacking(name);
        }
        return value;
    }

    private static String optional(Map<String, String> fields, String name, int maxLength) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw invalid(name + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    public static BusinessException lacking(String name) {
        return new BusinessException(PayError.LACK_PARAMS, "缺少参数" + name + " (missing " + name + ")");
    }

    public static BusinessException invalid(String why) {
        return new BusinessException(PayError.INVALID_REQUEST, why);
    }
}
