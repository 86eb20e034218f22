package org.oaplatform.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceImpl;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;

/** Merchants for tests, made through the client API, and WxJava's pay service pointed at the test server. */
final class PayClients {

    /** A merchant: its account, its owner (a wallet holder with a card) and the credentials it was given. */
    record Shop(TestData.App app, WalletData.Holder owner, String mchId, String apiKey) {
    }

    private PayClients() {
    }

    static Shop shop(Api api) {
        WalletData.Holder owner = WalletData.holder(api, 0);
        TestData.App app = TestData.verifiedServiceAccount(owner.api());
        Api.Reply enrolled = owner.api().post("api/v1/official-accounts/" + app.appid() + "/merchant",
                Json.createObjectBuilder().add("settlementCardId", owner.cardId()).build());
        assertEquals(201, enrolled.status(), enrolled.text());
        JsonObject body = enrolled.json();
        return new Shop(app, owner, body.getString("mchId"), body.getString("apiKey"));
    }

    static WxPayService sdk(URL base, Shop shop, String signType) {
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
