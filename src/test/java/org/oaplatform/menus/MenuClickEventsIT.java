package org.oaplatform.menus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.menus.boundary.FollowerMenus;
import org.oaplatform.menus.boundary.MenuButtonUsed;
import org.oaplatform.menus.boundary.MenuClick;
import org.oaplatform.menus.entity.ButtonType;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;

/**
 * A follower's menu click reaches observers as {@link MenuButtonUsed} after commit only, with the fields the push
 * needs, and never for a blacklisted follower: the contract the webhook and conversations components rely on.
 */
@ExtendWith(ArquillianExtension.class)
class MenuClickEventsIT {

    /** Observes like the webhook component will: after a successful commit. */
    @ApplicationScoped
    public static class Recorder {
        private final List<MenuButtonUsed> delivered = new CopyOnWriteArrayList<>();

        /** Read through a method: the test holds a client proxy, whose own fields are not the bean's. */
        List<MenuButtonUsed> of(String appId) {
            return delivered.stream().filter(e -> e.appId().equals(appId)).toList();
        }

        void used(@Observes(during = TransactionPhase.AFTER_SUCCESS) MenuButtonUsed event) {
            delivered.add(event);
        }
    }

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClasses(Recorder.class, TestData.class, TestData.App.class, Api.class,
                Api.Reply.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    Recorder recorder;

    @Inject
    FollowerMenus followerMenus;

    @Inject
    People people;

    @Inject
    UserTransaction transaction;

    @Test
    void clicksArriveAfterCommitWithWhatThePushNeeds() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String token = app.token();
        assertEquals(0, app.owner().post("cgi-bin/menu/create?access_token=" + token, "{\"button\":["
                + "{\"type\":\"click\",\"name\":\"点我\",\"key\":\"CLICKED\"},"
                + "{\"type\":\"view\",\"name\":\"网页\",\"url\":\"https://www.example.com/\"},"
                + "{\"name\":\"更多\",\"sub_button\":[{\"type\":\"scancode_push\",\"name\":\"扫\",\"key\":\"SCAN\"},"
                + "{\"type\":\"pic_sysphoto\",\"name\":\"拍\",\"key\":\"PIC\"},"
                + "{\"type\":\"location_select\",\"name\":\"位\",\"key\":\"LOC\"}]}]}", "application/json").errcode());
        Reply conditional = app.owner().post("cgi-bin/menu/addconditional?access_token=" + token,
                "{\"button\":[{\"type\":\"click\",\"name\":\"安卓\",\"key\":\"ANDROID\"}],"
                        + "\"matchrule\":{\"client_platform_type\":\"2\"}}", "application/json");
        long androidMenu = Long.parseLong(conditional.json().getString("menuid"));
        String phone = TestData.cnPhone();
        Api fan = TestData.person(new Api(base), phone);
        fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid()).build());
        String openid = app.owner().get("cgi-bin/user/get?access_token=" + token).json().getJsonObject("data")
                .getJsonArray("openid").getValuesAs(JsonString.class).get(0).getString();
        String clicks = "api/v1/conversations/" + app.appid() + "/menu-clicks";

        assertEquals(200, fan.post(clicks, Json.createObjectBuilder().add("key", "CLICKED").build()).status());
        MenuButtonUsed click = recorder.of(app.appid()).get(0);
        assertEquals(ButtonType.CLICK, click.buttonType());
        assertEquals("CLICKED", click.key());
        assertEquals(openid, click.openid());
        assertNull(click.conditionalMenuId(), "the default menu has no MenuId in the push");

        fan.post(clicks, Json.createObjectBuilder().add("url", "https://www.example.com/").build());
        fan.post(clicks, Json.createObjectBuilder().add("key", "SCAN").add("scanType", "qrcode")
                .add("scanResult", "hello").build());
        fan.post(clicks, Json.createObjectBuilder().add("key", "PIC").add("pictures", Json.createArrayBuilder()
                .add("1B5F7C23B5BF75682A53E7B6D163E185").add("7a9ac1c8e5cb9e0b5c0d1e1a8f3a3e3b")).build());
        fan.post(clicks, Json.createObjectBuilder().add("key", "LOC").add("latitude", 23.137466)
                .add("longitude", 113.352425).add("scale", 15).add("label", "广州市海珠区").build());
        fan.post(clicks + "?platform=ANDROID", Json.createObjectBuilder().add("key", "ANDROID").build());
        List<MenuButtonUsed> events = recorder.of(app.appid());
        assertEquals(6, events.size());
        assertEquals(ButtonType.VIEW, events.get(1).buttonType());
        assertEquals("https://www.example.com/", events.get(1).url());
        assertEquals(new MenuButtonUsed.ScanCode("qrcode", "hello"), events.get(2).scanCode());
        assertEquals(List.of("1b5f7c23b5bf75682a53e7b6d163e185", "7a9ac1c8e5cb9e0b5c0d1e1a8f3a3e3b"),
                events.get(3).pictureMd5Sums());
        assertEquals(new MenuButtonUsed.PickedLocation(23.137466, 113.352425, 15, "广州市海珠区", null),
                events.get(4).location());
        assertEquals(androidMenu, events.get(5).conditionalMenuId());

        // a click whose transaction rolls back is never announced
        long personId = people.byHandleOrPhone(phone, "CN").orElseThrow().id();
        MenuClick rolledBack = new MenuClick();
        rolledBack.key = "CLICKED";
        transaction.begin();
        followerMenus.use(personId, app.appid(), null, rolledBack);
        transaction.rollback();
        assertEquals(6, recorder.of(app.appid()).size(), "a rolled-back click is never pushed");

        // a blacklisted follower's click is answered but never reaches the account
        assertEquals(0, app.owner().post("cgi-bin/tags/members/batchblacklist?access_token=" + token,
                Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(openid)).build()).errcode());
        Reply blacklisted = fan.post(clicks, Json.createObjectBuilder().add("key", "CLICKED").build());
        assertEquals(200, blacklisted.status(), blacklisted.text());
        assertEquals(6, recorder.of(app.appid()).size());
        assertTrue(events.stream().allMatch(e -> e.personId() == personId && e.accountId() > 0));
    }
}
