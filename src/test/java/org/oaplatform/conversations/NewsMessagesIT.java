package org.oaplatform.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.WxMpMassNews;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.material.WxMpNewsArticle;
import me.chanjar.weixin.mp.bean.result.WxMpMassUploadResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.SampleMedia;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.WeChatSdk;

/**
 * News media ({@code media/uploadnews}) through WxJava's mass message service, and {@code mpnews} customer-service
 * messages that show their article in the follower's conversation; every refusal with WeChat's errcode and nothing
 * stored for it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NewsMessagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    record Setup(App app, WxMpService wx, Api fan, String openid, String thumb) {
    }

    /** A verified service account with one follower (whose follow opened a 3-message window) and a thumbnail. */
    Setup setup() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        WxMpService wx = WeChatSdk.forAccount(base, app);
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                .build()).status());
        File jpeg = Files.createTempFile("thumb", ".jpg").toFile();
        Files.write(jpeg.toPath(), SampleMedia.jpeg(2_000));
        String thumb = wx.getMaterialService().mediaUpload("thumb", jpeg).getThumbMediaId();
        return new Setup(app, wx, fan, wx.getUserService().userList(null).getOpenids().get(0), thumb);
    }

    @Test
    void anUploadedNewsIsSentAsMpnewsAndTheFollowerSeesItsArticle() throws Exception {
        Setup s = setup();
        WxMpMassNews news = new WxMpMassNews();
        news.addArticle(article(s.thumb(), "双十二特卖"));
        WxMpMassUploadResult uploaded = s.wx().getMassMessageService().massNewsUpload(news);
        assertEquals("news", uploaded.getType());
        assertTrue(uploaded.getMediaId().startsWith("med_"), uploaded.getMediaId());
        assertTrue(uploaded.getCreatedAt() > 0);

        assertTrue(s.wx().getKefuService().sendKefuMessage(WxMpKefuMessage.MPNEWS().toUser(s.openid())
                .mediaId(uploaded.getMediaId()).build()));
        JsonObject shown = s.fan().get("api/v1/conversations/" + s.app().appid() + "/messages").json()
                .getJsonArray("messages").getJsonObject(0);
        assertEquals("mpnews", shown.getString("type"));
        JsonObject article = shown.getJsonObject("content").getJsonArray("articles").getJsonObject(0);
        assertEquals("双十二特卖", article.getString("title"));
        assertEquals("<p>全场五折</p>", article.getString("content"));
        assertEquals(s.thumb(), article.getString("thumbMediaId"));
        assertEquals(200, s.fan().get("api/v1/media/" + s.thumb()).status(), "the follower may see the thumbnail");

        WxMpMassNews two = new WxMpMassNews();
        two.addArticle(article(s.thumb(), "一"));
        two.addArticle(article(s.thumb(), "二"));
        String twoArticles = s.wx().getMassMessageService().massNewsUpload(two).getMediaId();
        assertEquals(45008, errcode(() -> s.wx().getKefuService().sendKefuMessage(WxMpKefuMessage.MPNEWS()
                .toUser(s.openid()).mediaId(twoArticles).build())), "a customer-service mpnews has one article");
        assertEquals(40007, errcode(() -> s.wx().getKefuService().sendKefuMessage(WxMpKefuMessage.MPNEWS()
                .toUser(s.openid()).mediaId("med_0123456789abcdef").build())));
        assertEquals(40007, errcode(() -> s.wx().getKefuService().sendKefuMessage(WxMpKefuMessage.MPNEWS()
                .toUser(s.openid()).mediaId(s.thumb()).build())), "a thumbnail is no news");
        Setup other = setup();
        assertEquals(40007, errcode(() -> other.wx().getKefuService().sendKefuMessage(WxMpKefuMessage.MPNEWS()
                .toUser(other.openid()).mediaId(uploaded.getMediaId()).build())), "another account's news");
        assertEquals(1, s.fan().get("api/v1/conversations/" + s.app().appid() + "/messages").json()
                .getJsonArray("messages").size(), "the refused sends left nothing");
    }

    @Test
    void badNewsGetWeChatsErrcodes() throws Exception {
        Setup s = setup();
        String url = "cgi-bin/media/uploadnews?access_token=" + s.app().token();
        assertEquals(44003, s.app().owner().post(url, Json.createObjectBuilder().build()).errcode());
        assertEquals(44003, s.app().owner().post(url, news()).errcode());
        JsonObjectBuilder[] nine = new JsonObjectBuilder[9];
        for (int i = 0; i < nine.length; i++) {
            nine[i] = raw(s.thumb());
        }
        assertEquals(45008, s.app().owner().post(url, news(nine)).errcode());
        assertEquals(45003, s.app().owner().post(url, news(raw(s.thumb()).add("title", "长".repeat(65)))).errcode());
        assertEquals(45004, s.app().owner().post(url, news(raw(s.thumb()).add("digest", "长".repeat(121)))).errcode());
        assertEquals(45002, s.app().owner().post(url, news(raw(s.thumb()).add("content", "长".repeat(20_000))))
                .errcode());
        assertEquals(41006, s.app().owner().post(url, news(raw(s.thumb()).remove("thumb_media_id"))).errcode());
        assertEquals(40007, s.app().owner().post(url, news(raw("med_0123456789abcdef"))).errcode());
        assertEquals(40007, s.app().owner().post(url, news(raw(setup().thumb()))).errcode(),
                "another account's thumbnail");
        Reply garbage = s.app().owner().post(url, "{\"articles\":[", "application/json");
        assertEquals(47001, garbage.errcode(), garbage.text());

        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        JsonObject created = owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("U")))
                .json();
        App unverified = new App(owner, created.getString("appid"), created.getString("secret"));
        assertEquals(48001, owner.post("cgi-bin/media/uploadnews?access_token=" + unverified.token(),
                news(raw(s.thumb()))).errcode(), "news are for accounts that may broadcast");
    }

    private static WxMpNewsArticle article(String thumb, String title) {
        WxMpNewsArticle article = new WxMpNewsArticle();
        article.setThumbMediaId(thumb);
        article.setTitle(title);
        article.setAuthor("小编");
        article.setDigest("年终回馈");
        article.setContent("<p>全场五折</p>");
        article.setContentSourceUrl("https://shop.example.com/sale");
        article.setShowCoverPic(true);
        return article;
    }

    private static JsonObjectBuilder raw(String thumb) {
        return Json.createObjectBuilder().add("title", "标题").add("thumb_media_id", thumb).add("content", "正文");
    }

    private static JsonObject news(JsonObjectBuilder... articles) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObjectBuilder a : articles) {
            list.add(a);
        }
        return Json.createObjectBuilder().add("articles", list).build();
    }

    interface SdkCall {
        Object call() throws WxErrorException;
    }

    private static int errcode(SdkCall call) {
        return assertThrows(WxErrorException.class, call::call).getError().getErrorCode();
    }
}
