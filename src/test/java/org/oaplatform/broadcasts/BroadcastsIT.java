package org.oaplatform.broadcasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpMassMessageService;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.WxMpMassNews;
import me.chanjar.weixin.mp.bean.WxMpMassOpenIdsMessage;
import me.chanjar.weixin.mp.bean.WxMpMassPreviewMessage;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.material.WxMpNewsArticle;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
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
 * Mass messages through WxJava's own client: a broadcast to all followers and to a tag fans out in chunks (the tests
 * run with four followers a chunk), filters the blacklisted and those at their four broadcasts of the month, reaches
 * {@code SEND_SUCCESS} and tells the developer server with {@code MASSSENDJOBFINISH}, parsed by WxJava; openid lists,
 * previews, speeds, {@code clientmsgid} and the subscription account's one a day; every refusal with its errcode.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BroadcastsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    record Setup(App app, WxMpService wx, List<Api> fans, List<String> openids) {

        WxMpMassMessageService mass() {
            return wx.getMassMessageService();
        }
    }

    /** A verified account of the type with {@code count} followers, openids in follow order. */
    Setup setup(String type, int count) throws Exception {
        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        App app;
        if ("SERVICE".equals(type)) {
            app = TestData.verifiedServiceAccount(owner);
        } else {
            JsonObject created = owner.post("api/v1/official-accounts", Json.createObjectBuilder(
                    TestData.serviceAccount(TestData.accountName("Sub"))).add("type", type).build()).json();
            app = new App(owner, created.getString("appid"), created.getString("secret"));
            TestData.verify(owner, app.appid());
        }
        List<Api> fans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api fan = TestData.person(new Api(base), TestData.cnPhone());
            assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                    .build()).status());
            fans.add(fan);
        }
        WxMpService wx = WeChatSdk.forAccount(base, app);
        List<String> openids = count == 0 ? List.of() : wx.getUserService().userList(null).getOpenids();
        return new Setup(app, wx, fans, openids);
    }

    @Test
    void aBroadcastFansOutFiltersAndTellsTheDeveloperServer() throws Exception {
        Setup s = setup("SERVICE", 10);
        s.fans().get(9).delete("api/v1/me/following/" + s.app().appid());
        s.wx().getBlackListService().pushToBlacklist(List.of(s.openids().get(0)));
        long tagId = s.wx().getUserTagService().tagCreate("老客户").getId();
        s.wx().getUserTagService().batchTagging(tagId, s.openids().subList(1, 4).toArray(String[]::new));
        try (DeveloperServerStub stub = DeveloperServerStub.start(s.app().appid())) {
            stub.connect(s.app(), "PLAIN");
            String all = s.mass().massGroupMessageSend(text(null, "双十二全场五折")).getMsgId();
            WxMpXmlMessage finished = finishedPush(stub, all);
            assertEquals(9, finished.getTotalCount(), "the nine who follow");
            assertEquals(8, finished.getSentCount(), "not the blacklisted one");
            assertEquals(8, finished.getFilterCount(), "WeChat's FilterCount: what is left after filtering");
            assertEquals(0, finished.getErrorCount());
            assertEquals("send success", finished.getStatus());
            assertEquals("SEND_SUCCESS", s.mass().messageMassGet(Long.valueOf(all)).getMsgstatus());

            // in the chat list of a follower who got it, unread until opened; not in the blacklisted one's
            JsonObject entry = chatBroadcasts(s.fans().get(1)).getJsonObject(0);
            assertEquals(all, entry.getString("id"));
            assertEquals(s.app().appid(), entry.getString("appid"));
            assertEquals("双十二全场五折", entry.getJsonObject("content").getString("content"));
            assertEquals(false, entry.getBoolean("read"));
            assertEquals(true, s.fans().get(1).get("api/v1/inbox/broadcasts/" + all).json().getBoolean("read"));
            assertEquals(true, chatBroadcasts(s.fans().get(1)).getJsonObject(0).getBoolean("read"));
            assertEquals(0, chatBroadcasts(s.fans().get(0)).size());
            assertEquals(404, s.fans().get(0).get("api/v1/inbox/broadcasts/" + all).status());
            assertEquals(400, s.fans().get(1).get("api/v1/inbox?folder=spam").status());

            // three more to the tag's three: each has had four this month, the fifth finds them all filtered
            for (int i = 1; i <= 3; i++) {
                String sent = s.mass().massGroupMessageSend(text(tagId, "老客户专享 " + i)).getMsgId();
                assertEquals(3, finishedPush(stub, sent).getSentCount());
            }
            String fifth = s.mass().massGroupMessageSend(text(tagId, "第五条")).getMsgId();
            WxMpXmlMessage filtered = finishedPush(stub, fifth);
            assertEquals(3, filtered.getTotalCount());
            assertEquals(0, filtered.getSentCount(), "over the monthly allowance: filtered, not failed");
            assertEquals("SEND_SUCCESS", s.mass().messageMassGet(Long.valueOf(fifth)).getMsgstatus());

            // an openid list: 2 to 10 000 of the account's openids
            WxMpMassOpenIdsMessage list = new WxMpMassOpenIdsMessage();
            list.setMsgType(WxConsts.MassMsgType.TEXT);
            list.setContent("名单通知");
            list.setToUsers(List.of(s.openids().get(5), s.openids().get(6), s.openids().get(5)));
            String listed = s.mass().massOpenIdsMessageSend(list).getMsgId();
            WxMpXmlMessage listDone = finishedPush(stub, listed);
            assertEquals(2, listDone.getTotalCount(), "a repeated openid counts once");
            assertEquals(2, listDone.getSentCount());
            list.setToUsers(List.of(s.openids().get(5)));
            assertEquals(40032, errcode(() -> s.mass().massOpenIdsMessageSend(list)));
            list.setToUsers(List.of(s.openids().get(5), "oNotAFollowerOfThisAccount00"));
            assertEquals(40003, errcode(() -> s.mass().massOpenIdsMessageSend(list)));
        }
    }

    @Test
    void previewsSpeedsAndClientMsgIds() throws Exception {
        Setup s = setup("SERVICE", 2);
        WxMpMassPreviewMessage preview = new WxMpMassPreviewMessage();
        preview.setMsgType(WxConsts.MassMsgType.TEXT);
        preview.setContent("预览");
        preview.setToWxUserOpenid(s.openids().get(0));
        assertNotNull(s.mass().massMessagePreview(preview).getMsgId());
        preview.setToWxUserOpenid("oNotAFollowerOfThisAccount00");
        assertEquals(40003, errcode(() -> s.mass().massMessagePreview(preview)));

        assertEquals(0, s.mass().messageMassSpeedGet().getSpeed());
        s.mass().messageMassSpeedSet(2);
        assertEquals(2, s.mass().messageMassSpeedGet().getSpeed());
        assertEquals(45, s.mass().messageMassSpeedGet().getRealspeed());
        assertEquals(45083, errcode(() -> { s.mass().messageMassSpeedSet(5); return null; }));
        String url = "cgi-bin/message/mass/speed/set?access_token=" + s.app().token();
        assertEquals(45084, s.app().owner().post(url, Json.createObjectBuilder().build()).errcode());

        WxMpMassTagMessage once = text(null, "只发一次");
        once.setClientMsgId("order-20261203-01");
        assertNotNull(s.mass().massGroupMessageSend(once).getMsgId());
        assertEquals(45066, errcode(() -> s.mass().massGroupMessageSend(once)), "the same clientmsgid within a minute");
        once.setClientMsgId("x".repeat(65));
        assertEquals(45067, errcode(() -> s.mass().massGroupMessageSend(once)));

        String sendall = "cgi-bin/message/mass/sendall?access_token=" + s.app().token();
        assertEquals(45159, s.app().owner().post(sendall, Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("is_to_all", false).add("tag_id", 999))
                .add("msgtype", "text").add("text", Json.createObjectBuilder().add("content", "x")).build()).errcode());
        assertEquals(40007, s.app().owner().post(sendall, Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("is_to_all", true)).add("msgtype", "image")
                .add("image", Json.createObjectBuilder().add("media_id", "med_0123456789abcdef")).build()).errcode());
        assertEquals(40008, s.app().owner().post(sendall, Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("is_to_all", true)).add("msgtype", "wxcard")
                .add("wxcard", Json.createObjectBuilder().add("card_id", "c")).build()).errcode());
        assertEquals(44004, s.app().owner().post(sendall, Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("is_to_all", true)).add("msgtype", "text").build())
                .errcode());
        // a news broadcast is deleted an article at a time, or whole; a text one is not
        File jpeg = Files.createTempFile("thumb", ".jpg").toFile();
        Files.write(jpeg.toPath(), SampleMedia.jpeg(2_000));
        String thumb = s.wx().getMaterialService().mediaUpload("thumb", jpeg).getThumbMediaId();
        WxMpMassNews news = new WxMpMassNews();
        news.addArticle(article(thumb, "上篇"));
        news.addArticle(article(thumb, "下篇"));
        WxMpMassTagMessage mpnews = new WxMpMassTagMessage();
        mpnews.setSendAll(true);
        mpnews.setMsgType(WxConsts.MassMsgType.MPNEWS);
        mpnews.setMediaId(s.mass().massNewsUpload(news).getMediaId());
        var sentNews = s.mass().massGroupMessageSend(mpnews);
        assertNotNull(sentNews.getMsgDataId(), "news broadcasts answer msg_data_id");
        long newsId = Long.parseLong(sentNews.getMsgId());
        Eventually.poll(Duration.ofSeconds(30), () -> status(s, newsId), "SEND_SUCCESS"::equals);
        s.mass().delete(newsId, 2);
        assertEquals("SEND_SUCCESS", status(s, newsId), "one article of two deleted");
        JsonObject received = chatBroadcasts(s.fans().get(0)).getJsonObject(0);
        assertEquals(List.of("2"), received.getJsonArray("deletedArticles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(40097, errcode(() -> { s.mass().delete(newsId, 3); return null; }));
        s.mass().delete(newsId, 0);
        assertEquals("DELETE", status(s, newsId));
        String textId = s.mass().massGroupMessageSend(text(null, "不可删除")).getMsgId();
        Eventually.poll(Duration.ofSeconds(30), () -> status(s, Long.parseLong(textId)), "SEND_SUCCESS"::equals);
        assertEquals(40097, errcode(() -> { s.mass().delete(Long.valueOf(textId), 0); return null; }));
        assertEquals(40097, errcode(() -> { s.mass().delete(123L, 0); return null; }));

        Reply unknown = s.app().owner().post("cgi-bin/message/mass/get?access_token=" + s.app().token(),
                Json.createObjectBuilder().add("msg_id", 123).build());
        assertEquals(40097, unknown.errcode(), unknown.text());
    }

    @Test
    void aSubscriptionAccountBroadcastsOnceADayAndNeverToALists() throws Exception {
        Setup s = setup("SUBSCRIPTION", 2);
        assertNotNull(s.mass().massGroupMessageSend(text(null, "今日推送")).getMsgId());
        assertEquals(45028, errcode(() -> s.mass().massGroupMessageSend(text(null, "第二条"))));
        WxMpMassPreviewMessage preview = new WxMpMassPreviewMessage();
        preview.setMsgType(WxConsts.MassMsgType.TEXT);
        preview.setContent("预览不计入");
        preview.setToWxUserOpenid(s.openids().get(0));
        assertNotNull(s.mass().massMessagePreview(preview).getMsgId(), "a preview counts against no quota");
        Eventually.poll(Duration.ofSeconds(30), () -> s.fans().get(1).get("api/v1/inbox?folder=subscriptions").json()
                .getJsonArray("accounts"), accounts -> !accounts.isEmpty());
        JsonObject folded = s.fans().get(1).get("api/v1/inbox?folder=subscriptions").json().getJsonArray("accounts")
                .getJsonObject(0);
        assertEquals(s.app().appid(), folded.getString("appid"));
        assertEquals(1, folded.getInt("unreadCount"));
        assertEquals("今日推送", folded.getJsonObject("latest").getJsonObject("content").getString("content"));
        assertEquals("预览不计入", chatBroadcasts(s.fans().get(0)).getJsonObject(0).getJsonObject("content")
                .getString("content"), "a preview is a chat");
        WxMpMassOpenIdsMessage list = new WxMpMassOpenIdsMessage();
        list.setMsgType(WxConsts.MassMsgType.TEXT);
        list.setContent("x");
        list.setToUsers(s.openids());
        assertEquals(48001, errcode(() -> s.mass().massOpenIdsMessageSend(list)));
    }

    private static String status(Setup s, long msgId) {
        try {
            return s.mass().messageMassGet(msgId).getMsgstatus();
        } catch (WxErrorException e) {
            throw new AssertionError(e);
        }
    }

    private static WxMpNewsArticle article(String thumb, String title) {
        WxMpNewsArticle article = new WxMpNewsArticle();
        article.setThumbMediaId(thumb);
        article.setTitle(title);
        article.setContent("<p>" + title + "</p>");
        return article;
    }

    private static WxMpMassTagMessage text(Long tagId, String content) {
        WxMpMassTagMessage message = new WxMpMassTagMessage();
        message.setSendAll(tagId == null);
        message.setTagId(tagId);
        message.setMsgType(WxConsts.MassMsgType.TEXT);
        message.setContent(content);
        return message;
    }

    private static WxMpXmlMessage finishedPush(DeveloperServerStub stub, String msgId) {
        return Eventually.poll(Duration.ofSeconds(60), stub::received, all -> all.stream().anyMatch(r -> matches(r,
                msgId))).stream().filter(r -> matches(r, msgId)).findFirst().map(Received::message)
                .orElseThrow(() -> new AssertionError("no MASSSENDJOBFINISH for " + msgId));
    }

    private static boolean matches(Received received, String msgId) {
        return received.message() != null && "MASSSENDJOBFINISH".equals(received.message().getEvent())
                && received.body().contains("<MsgID>" + msgId + "</MsgID>");
    }

    interface SdkCall {
        Object call() throws WxErrorException;
    }

    private static int errcode(SdkCall call) {
        return assertThrows(WxErrorException.class, call::call).getError().getErrorCode();
    }

    /** The broadcasts of a person's chat list, newest first (the conversations beside them left out). */
    private static jakarta.json.JsonArray chatBroadcasts(Api fan) {
        jakarta.json.JsonArrayBuilder broadcasts = Json.createArrayBuilder();
        fan.get("api/v1/inbox").json().getJsonArray("chats").getValuesAs(JsonObject.class).stream()
                .filter(chat -> chat.getString("kind").equals("broadcast"))
                .forEach(chat -> broadcasts.add(chat.getJsonObject("broadcast")));
        return broadcasts.build();
    }
}
