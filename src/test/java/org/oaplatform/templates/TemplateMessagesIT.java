package org.oaplatform.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.WxMpTemplateMsgService;
import me.chanjar.weixin.mp.bean.template.WxMpTemplate;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateIndustry;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateIndustryEnum;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.WeChatSdk;

/** Template messages (spec §5) through WxJava's own template service, and their errcodes. */
@ExtendWith(ArquillianExtension.class)
class TemplateMessagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    record Setup(App app, WxMpTemplateMsgService templates, Api fan, String openid) {
    }

    /** A verified service account in e-commerce and express delivery, with one follower. */
    Setup setup() throws WxErrorException {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        WxMpService wx = WeChatSdk.forAccount(base, app);
        WxMpTemplateMsgService templates = wx.getTemplateMsgService();
        assertTrue(templates.setIndustry(new WxMpTemplateIndustry(WxMpTemplateIndustryEnum.E_COMMERCE,
                WxMpTemplateIndustryEnum.EXPRESS)));
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                .build()).status());
        String openid = wx.getUserService().userList(null).getOpenids().get(0);
        return new Setup(app, templates, fan, openid);
    }

    @Test
    void industriesAndTemplatesThroughWxJava() throws WxErrorException {
        Setup s = setup();
        WxMpTemplateIndustry industry = s.templates().getIndustry();
        assertEquals(WxMpTemplateIndustryEnum.E_COMMERCE, industry.getPrimaryIndustry());
        assertEquals(WxMpTemplateIndustryEnum.EXPRESS, industry.getSecondIndustry());

        String paid = s.templates().addTemplate("TM00015");
        String signed = s.templates().addTemplate("OPENTM200020", List.of("签收时间", "快递单号"));
        assertEquals(43, paid.length());
        List<WxMpTemplate> all = s.templates().getAllPrivateTemplate();
        assertEquals(List.of(paid, signed), all.stream().map(WxMpTemplate::getTemplateId).toList());
        WxMpTemplate cut = all.get(1);
        assertEquals("快递签收通知", cut.getTitle());
        assertEquals("运输与仓储", cut.getPrimaryIndustry());
        assertEquals("快递", cut.getDeputyIndustry());
        assertEquals("快递单号：{{character_string1.DATA}}\n签收时间：{{time2.DATA}}", cut.getContent(),
                "the chosen keywords only, in the template's order");
        assertEquals("快递单号：YT9876543210\n签收时间：2026年12月2日 14:02", cut.getExample());

        assertTrue(s.templates().delPrivateTemplate(signed));
        assertEquals(List.of(paid), s.templates().getAllPrivateTemplate().stream()
                .map(WxMpTemplate::getTemplateId).toList());
        assertEquals(40037, errcode(() -> s.templates().delPrivateTemplate(signed)));
    }

    @Test
    void libraryRulesHaveWeChatsErrcodes() throws WxErrorException {
        Setup s = setup();
        assertEquals(40037, errcode(() -> s.templates().addTemplate("TM99999")), "not in the library");
        assertEquals(45027, errcode(() -> s.templates().addTemplate("TM00001")), "banking is not our industry");
        assertEquals(40246, errcode(() -> s.templates().addTemplate("OPENTM200020", List.of("不存在"))));
        assertEquals(43100, errcode(() -> s.templates().setIndustry(new WxMpTemplateIndustry(
                WxMpTemplateIndustryEnum.BANK, WxMpTemplateIndustryEnum.EXPRESS))), "changed within a month");
        for (int i = 0; i < 25; i++) {
            s.templates().addTemplate("TM00505");
        }
        assertEquals(45026, errcode(() -> s.templates().addTemplate("TM00505")), "25 at most");

        String token = s.app().token();
        Reply same = s.app().owner().post("cgi-bin/template/api_set_industry?access_token=" + token,
                Json.createObjectBuilder().add("industry_id1", "1").add("industry_id2", "1").build());
        assertEquals(40102, same.errcode(), same.text());
        Reply unknown = s.app().owner().post("cgi-bin/template/api_set_industry?access_token=" + token,
                Json.createObjectBuilder().add("industry_id1", "1").add("industry_id2", "99").build());
        assertEquals(40102, unknown.errcode(), unknown.text());
    }

    @Test
    void sendingAnswersAMsgidAndAnAntiReplayKeySendsOnce() throws WxErrorException {
        Setup s = setup();
        String templateId = s.templates().addTemplate("TM00015");
        WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(s.openid()).templateId(templateId)
                .url("https://shop.example.com/orders/1").build();
        message.addData(new WxMpTemplateData("first", "我们已收到您的货款", "#173177"));
        message.addData(new WxMpTemplateData("orderMoneySum", "30.00元"));
        message.addData(new WxMpTemplateData("orderProductName", "保温杯"));
        String first = s.templates().sendTemplateMsg(message);
        assertTrue(first.matches("\\d+"), first);
        String second = s.templates().sendTemplateMsg(message);
        assertNotEquals(first, second, "no anti-replay key: two messages");

        message.setClientMsgId("order-1-paid");
        String keyed = s.templates().sendTemplateMsg(message);
        assertEquals(keyed, s.templates().sendTemplateMsg(message), "the same key answers the first msgid");
        message.setClientMsgId("order-2-paid");
        assertNotEquals(keyed, s.templates().sendTemplateMsg(message));
    }

    @Test
    void sendErrcodes() throws WxErrorException {
        Setup s = setup();
        String templateId = s.templates().addTemplate("OPENTM200001");
        String token = s.app().token();
        JsonObject data = Json.createObjectBuilder().add("thing1", Json.createObjectBuilder()
                .add("value", "无线蓝牙耳机")).build();

        assertEquals(40037, send(s, token, s.openid(), "x".repeat(43), data).errcode(), "unknown template");
        assertEquals(40003, send(s, token, "oNotAFollowerOfThisAccount000", templateId, data).errcode());
        assertEquals(47003, send(s, token, s.openid(), templateId, Json.createObjectBuilder()
                .add("thing1", Json.createObjectBuilder().add("value", "字".repeat(21))).build()).errcode(),
                "thing values have at most 20 characters");
        Reply badUrl = s.app().owner().post("cgi-bin/message/template/send?access_token=" + token,
                Json.createObjectBuilder().add("touser", s.openid()).add("template_id", templateId)
                        .add("url", "javascript:alert(1)").add("data", data).build());
        assertEquals(40039, badUrl.errcode(), badUrl.text());

        Reply blacklisted = s.app().owner().post("cgi-bin/tags/members/batchblacklist?access_token=" + token,
                Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(s.openid())).build());
        assertEquals(0, blacklisted.errcode(), blacklisted.text());
        assertEquals(43019, send(s, token, s.openid(), templateId, data).errcode());
        s.app().owner().post("cgi-bin/tags/members/batchunblacklist?access_token=" + token,
                Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(s.openid())).build());
        assertEquals(0, send(s, token, s.openid(), templateId, data).errcode());

        String appid = s.app().appid();
        assertEquals(204, s.fan().delete("api/v1/me/following/" + appid).status());
        assertEquals(43004, send(s, token, s.openid(), templateId, data).errcode(), "no longer following");
    }

    @Test
    void onlyVerifiedServiceAccountsMaySendTemplates() {
        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        JsonObject created = owner.post("api/v1/official-accounts", TestData.serviceAccount(
                TestData.accountName("Unverified"))).json();
        App unverified = new App(owner, created.getString("appid"), created.getString("secret"));
        WxMpService wx = WeChatSdk.forAccount(base, unverified);
        assertEquals(48001, errcode(() -> wx.getTemplateMsgService().getAllPrivateTemplate()));
    }

    private static Reply send(Setup s, String token, String openid, String templateId, JsonObject data) {
        return s.app().owner().post("cgi-bin/message/template/send?access_token=" + token, Json.createObjectBuilder()
                .add("touser", openid).add("template_id", templateId).add("data", data).build());
    }

    interface SdkCall {
        Object call() throws WxErrorException;
    }

    private static int errcode(SdkCall call) {
        return assertThrows(WxErrorException.class, call::call).getError().getErrorCode();
    }
}
