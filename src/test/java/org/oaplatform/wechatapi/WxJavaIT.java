package org.oaplatform.wechatapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;

/** The real WeChat Java SDK, unmodified, pointed at this server by its host configuration only. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WxJavaIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void getsATokenAndCallsATokenCheckedApi() throws WxErrorException {
        WxMpService wx = sdk(app(), false);
        String token = wx.getAccessToken();
        assertTrue(token.length() > 64, token);
        assertEquals(token, wx.getAccessToken(), "the SDK caches the token until it nears expiry");
        String[] ips = wx.getCallbackIP();
        assertTrue(ips.length > 0);
        String refreshed = wx.getAccessToken(true);
        assertNotEquals(token, refreshed);
        assertTrue(wx.getCallbackIP().length > 0);
    }

    @Test
    void stableTokensThroughTheSdk() throws WxErrorException {
        WxMpService wx = sdk(app(), true);
        String token = wx.getAccessToken();
        assertTrue(wx.getCallbackIP().length > 0);
        WxMpService secondServer = sdk(appOf(wx), true);
        assertEquals(token, secondServer.getAccessToken(), "every server of a developer gets the same stable token");
    }

    @Test
    void credentialErrorsReachTheSdkAsWeChatErrors() {
        JsonObject app = app();
        WxMpDefaultConfigImpl config = config(app.getString("appid"), "0".repeat(32), false);
        WxMpService wx = new WxMpServiceImpl();
        wx.setWxMpConfigStorage(config);
        WxErrorException wrongSecret = assertThrows(WxErrorException.class, wx::getAccessToken);
        assertEquals(40125, wrongSecret.getError().getErrorCode());

        WxMpService unknown = new WxMpServiceImpl();
        unknown.setWxMpConfigStorage(config("wx0000000000000000", "0".repeat(32), false));
        WxErrorException unknownApp = assertThrows(WxErrorException.class, unknown::getAccessToken);
        assertEquals(40013, unknownApp.getError().getErrorCode());
    }

    private JsonObject app() {
        Api api = new Api(base);
        Api owner = api.as(TestData.registerAndLogIn(api, TestData.cnPhone()));
        return owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("WxJava"))).json();
    }

    private static JsonObject appOf(WxMpService wx) {
        var storage = wx.getWxMpConfigStorage();
        return jakarta.json.Json.createObjectBuilder().add("appid", storage.getAppId())
                .add("secret", storage.getSecret()).build();
    }

    private WxMpService sdk(JsonObject app, boolean stable) {
        WxMpService wx = new WxMpServiceImpl();
        wx.setWxMpConfigStorage(config(app.getString("appid"), app.getString("secret"), stable));
        return wx;
    }

    private WxMpDefaultConfigImpl config(String appid, String secret, boolean stable) {
        String host = base.toString().replaceAll("/+$", "");
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(appid);
        config.setSecret(secret);
        config.setUseStableAccessToken(stable);
        config.setHostConfig(WxMpHostConfig.builder().apiHost(host).mpHost(host).openHost(host).build());
        return config;
    }
}
