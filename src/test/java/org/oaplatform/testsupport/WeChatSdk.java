package org.oaplatform.testsupport;

import java.net.URL;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/** WxJava, unmodified, pointed at the test server through its host configuration only (spec §13.1). */
public final class WeChatSdk {

    private WeChatSdk() {
    }

    public static WxMpService forAccount(URL base, String appid, String secret, boolean stableToken) {
        String host = base.toString().replaceAll("/+$", "");
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(appid);
        config.setSecret(secret);
        config.setUseStableAccessToken(stableToken);
        config.setHostConfig(WxMpHostConfig.builder().apiHost(host).mpHost(host).openHost(host).build());
        WxMpService wx = new WxMpServiceImpl();
        wx.setWxMpConfigStorage(config);
        return wx;
    }

    public static WxMpService forAccount(URL base, TestData.App app) {
        return forAccount(base, app.appid(), app.secret(), false);
    }
}
