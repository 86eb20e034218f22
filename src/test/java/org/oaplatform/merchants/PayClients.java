package org.oaplatform.merchants;

import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceImpl;
import java.net.URL;

/** WxJava's pay service, unmodified, pointed at the test server by {@code setApiHostUrl} only. */
final class PayClients {

    private PayClients() {
    }

    static WxPayService sdk(URL base, Shops.Shop shop, String signType) {
        return sdk(base, shop.app().appid(), shop.mchId(), shop.apiKey(), signType);
    }

    static WxPayService sdk(URL base, String appid, String mchId, String key, String signType) {
        WxPayConfig config = new WxPayConfig();
        config.setAppId(appid);
        config.setMchId(mchId);
        config.setMchKey(key);
        config.setSignType(signType);
        config.setApiHostUrl(base.toString().replaceAll("/+$", ""));
        WxPayService pay = new WxPayServiceImpl();
        pay.setConfig(config);
        return pay;
    }
}
