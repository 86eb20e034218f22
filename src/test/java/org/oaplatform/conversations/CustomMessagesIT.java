package org.oaplatform.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpKefuService;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateIndustry;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateIndustryEnum;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
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
import org.oaplatform.testsupport.DeveloperServerStub;
import org.oaplatform.testsupport.DeveloperServerStub.Received;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.SampleMedia;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.WeChatSdk;

/**
 * Customer-service messages through WxJava's own client, with every errcode it must see; and the pushes a menu click
 * and a template message cause, heard by a developer server written with WxJava. The window's clock-bound rules are
 * {@code ServiceWindowIT}'s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomMessagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    record Setup(App app, WxMpService wx, Api fan, String openid) {
    }

    /** A verified service account with one follower, whose follow opened the 3-message, 1-minute window. */
    Setup setup() throws WxErrorException {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        WxMpService wx = WeChatSdk.forAccount(base, app);
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                .build()).status());
        return new Setup(app, wx, fan, wx.getUserService().userList(null).getOpenids().get(0));
    }

    @Test
    void sendsInsideTheWindowLandInTheConversationAndEveryRefusalHasItsErrcode() throws Exception {
        Setup s = setup();
        WxMpKefuService kefu = s.wx().getKefuService();
        assertTrue(kefu.sendKefuMessage(text(s.openid(), "欢迎关注")));
        File png = Files.createTempFile("custom", ".png").toFile();
        Files.write(png.toPath(), SampleMedia.png());
        String image = s.wx().getMaterialService().mediaUpload("image", png).getMediaId();
        assertTrue(kefu.sendKefuMessage(WxMpKefuMessage.IMAGE().toUser(s.openid()).mediaId(image).build()));
        WxMpKefuMessage.WxArticle article = new WxMpKefuMessage.WxArticle();
        article.setTitle("新品");
        article.setUrl("https://shop.example.com/new");
        assertTrue(kefu.sendKefuMessage(WxMpKefuMessage.NEWS().toUser(s.openid()).addArticle(article).build()));
        assertEquals(45047, errcode(() -> kefu.sendKefuMessage(text(s.openid(), "第四条"))),
                "a follow allows 3 messages");

        // the follower writes: 5 messages within 48 hours, not 5 on top of what is left
        assertEquals(201, s.fan().post("api/v1/conversations/" + s.app().appid() + "/messages",
                Json.createObjectBuilder().add("type", "text").add("content", "在吗").build()).status());
        assertTrue(kefu.sendKfTypingState(s.openid(), "Typing"));
        assertEquals(45081, errcode(() -> kefu.sendKfTypingState(s.openid(), "Typing")), "typing lasts 15 s");
        assertTrue(kefu.sendKfTypingState(s.openid(), "CancelTyping"));
        assertEquals(40097, errcode(() -> kefu.sendKfTypingState(s.openid(), "Dancing")));
        for (int i = 1; i <= 5; i++) {
            assertTrue(kefu.sendKefuMessage(text(s.openid(), "回复 " + i)));
        }
        assertEquals(45047, errcode(() -> kefu.sendKefuMessage(text(s.openid(), "第六条"))));
        assertEquals(45047, errcode(() -> kefu.sendKfTypingState(s.openid(), "Typing")), "typing needs a send");

        // refusals are checked before the window and leave nothing behind
        s.fan().post("api/v1/conversations/" + s.app().appid() + "/messages",
                Json.createObjectBuilder().add("type", "text").add("content", "再问一下").build());
        WxMpKefuMessage two = WxMpKefuMessage.NEWS().toUser(s.openid()).addArticle(article).addArticle(article).build();
        assertEquals(45008, errcode(() -> kefu.sendKefuMessage(two)));
        assertEquals(40007, errcode(() -> kefu.sendKefuMessage(WxMpKefuMessage.IMAGE().toUser(s.openid())
                .mediaId("unknownMediaId123").build())));
        assertEquals(40007, errcode(() -> kefu.sendKefuMessage(WxMpKefuMessage.VOICE().toUser(s.openid())
                .mediaId(image).build())), "an image is not a voice");
        assertEquals(40007, errcode(() -> kefu.sendKefuMessage(WxMpKefuMessage.MPNEWS().toUser(s.openid())
                .mediaId("anyMaterial").build())), "no such news");
        assertEquals(40003, errcode(() -> kefu.sendKefuMessage(text("oNotAnOpenidOfThisAccount00", "x"))));
        Reply wxcard = s.app().owner().post("cgi-bin/message/custom/send?access_token=" + s.app().token(),
                Json.createObjectBuilder().add("touser", s.openid()).add("msgtype", "wxcard")
                        .add("wxcard", Json.createObjectBuilder().add("card_id", "c")).build());
        assertEquals(40008, wxcard.errcode(), wxcard.text());
        Reply menu = s.app().owner().post("cgi-bin/message/custom/send?access_token=" + s.app().token(),
                Json.createObjectBuilder().add("touser", s.openid()).add("msgtype", "msgmenu").add("msgmenu",
                        Json.createObjectBuilder().add("head_content", "您对本次服务是否满意呢?")
                                .add("list", Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("id", "101").add("content", "满意"))
                                        .add(Json.createObjectBuilder().add("id", "102").add("content", "不满意")))
                                .add("tail_content", "欢迎再次光临")).build());
        assertEquals(0, menu.errcode(), menu.text());

        JsonArray messages = conversation(s);
        List<String> outgoing = messages.getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("direction").equals("out")).map(m -> m.getString("type")).toList();
        assertEquals(List.of("msgmenu", "text", "text", "text", "text", "text", "news", "image", "text"), outgoing,
                "newest first; nothing of the refused sends");
        assertEquals(image, messages.getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("type").equals("image")).findFirst().orElseThrow()
                .getJsonObject("content").getString("mediaId"));
        Reply picture = s.fan().get("api/v1/media/" + image);
        assertEquals(200, picture.status(), "the follower may read the picture the account sent: " + picture.text());

        // a blacklisted follower, and one who left
        assertEquals(0, s.app().owner().post("cgi-bin/tags/members/batchblacklist?access_token=" + s.app().token(),
                Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(s.openid())).build())
                .errcode());
        assertEquals(43019, errcode(() -> kefu.sendKefuMessage(text(s.openid(), "x"))));
        Setup left = setup();
        left.fan().delete("api/v1/me/following/" + left.app().appid());
        assertEquals(43004, errcode(() -> left.wx().getKefuService().sendKefuMessage(text(left.openid(), "x"))));
    }

    @Test
    void concurrentSendsToOneFollowerAreCountedOneAtATime() throws Exception {
        Setup s = setup();
        assertEquals(201, s.fan().post("api/v1/conversations/" + s.app().appid() + "/messages",
                Json.createObjectBuilder().add("type", "text").add("content", "在吗").build()).status());
        WxMpKefuService kefu = s.wx().getKefuService();
        kefu.sendKfTypingState(s.openid(), "CancelTyping"); // the token is fetched once, before the race
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String content = "并发 " + i;
                sends.add(pool.submit(() -> {
                    try {
                        kefu.sendKefuMessage(text(s.openid(), content));
                        return 0;
                    } catch (WxErrorException e) {
                        return e.getError().getErrorCode();
                    }
                }));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> send : sends) {
                codes.add(send.get());
            }
            assertEquals(5, codes.stream().filter(c -> c == 0).count(), codes.toString());
            assertEquals(7, codes.stream().filter(c -> c == 45047).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, conversation(s).getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("direction").equals("out")).count());
    }

    @Test
    void aMenuClickAndATemplateMessageArePushedToTheDeveloperServer() throws Exception {
        Setup s = setup();
        String token = s.app().token();
        assertEquals(0, s.app().owner().post("cgi-bin/menu/create?access_token=" + token,
                "{\"button\":[{\"type\":\"click\",\"name\":\"今日歌曲\",\"key\":\"V1001_TODAY_MUSIC\"}]}",
                "application/json").errcode());
        try (DeveloperServerStub stub = DeveloperServerStub.start(s.app().appid())) {
            stub.connect(s.app(), "PLAIN");
            assertEquals(200, s.fan().post("api/v1/conversations/" + s.app().appid() + "/menu-clicks",
                    Json.createObjectBuilder().add("key", "V1001_TODAY_MUSIC").build()).status());
            Received click = pushOf(stub, "CLICK");
            assertTrue(click.signatureValid());
            assertEquals("V1001_TODAY_MUSIC", click.message().getEventKey());
            assertEquals(s.openid(), click.message().getFromUser());

            WxMpTemplateIndustry industry = new WxMpTemplateIndustry(WxMpTemplateIndustryEnum.E_COMMERCE,
                    WxMpTemplateIndustryEnum.EXPRESS);
            s.wx().getTemplateMsgService().setIndustry(industry);
            String templateId = s.wx().getTemplateMsgService().addTemplate("TM00015");
            WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(s.openid()).templateId(templateId)
                    .build();
            message.addData(new WxMpTemplateData("first", "我们已收到您的货款"));
            message.addData(new WxMpTemplateData("orderMoneySum", "30.00元"));
            message.addData(new WxMpTemplateData("orderProductName", "保温杯"));
            String msgId = s.wx().getTemplateMsgService().sendTemplateMsg(message);
            Received finished = pushOf(stub, "TEMPLATESENDJOBFINISH");
            assertTrue(finished.body().contains("<MsgID>" + msgId + "</MsgID>"), finished.body());
            assertEquals("success", finished.message().getStatus());
            JsonObject shown = conversation(s).getJsonObject(0);
            assertEquals("template", shown.getString("type"));
            assertEquals(msgId, Long.toString(shown.getJsonObject("content").getJsonNumber("msgId").longValue()));
            assertTrue(shown.getJsonObject("content").getString("content").contains("保温杯"));
        }
    }

    private static Received pushOf(DeveloperServerStub stub, String event) {
        return Eventually.poll(Duration.ofSeconds(30), stub::received, all -> all.stream()
                .anyMatch(r -> r.message() != null && event.equals(r.message().getEvent()))).stream()
                .filter(r -> r.message() != null && event.equals(r.message().getEvent())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " push"));
    }

    private JsonArray conversation(Setup s) {
        Reply reply = s.fan().get("api/v1/conversations/" + s.app().appid() + "/messages?limit=50");
        assertEquals(200, reply.status(), reply.text());
        return reply.json().getJsonArray("messages");
    }

    private static WxMpKefuMessage text(String openid, String content) {
        return WxMpKefuMessage.TEXT().toUser(openid).content(content).build();
    }

    interface SdkCall {
        Object call() throws WxErrorException;
    }

    private static int errcode(SdkCall call) {
        return assertThrows(WxErrorException.class, call::call).getError().getErrorCode();
    }
}
