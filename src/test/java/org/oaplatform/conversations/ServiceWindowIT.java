package org.oaplatform.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.conversations.boundary.Conversations;
import org.oaplatform.conversations.boundary.CustomMessages;
import org.oaplatform.conversations.control.FollowerMessage;
import org.oaplatform.conversations.control.WindowError;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.boundary.QrCodes;
import org.oaplatform.followers.entity.SubscribeScene;
import org.oaplatform.menus.boundary.FollowerMenus;
import org.oaplatform.menus.boundary.MenuClick;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.MovableClock;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;

/**
 * The stored service window with the server's clock moved (spec §4.2, §4.3): a follower's message allows 5 within
 * 48 h, a follow, QR scan or counting menu click 3 within a minute, a new trigger resets, allowances never add up, a
 * blacklisted follower opens nothing; typing lasts 15 s and needs an exchange within 30 s. Sends go through the
 * boundary the API uses; {@code CustomMessagesIT} covers the wire.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceWindowIT {

    /** Real time passes while a test runs: the boundaries are approached to within this. */
    private static final Duration MARGIN = Duration.ofSeconds(3);

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithMovableClock();
    }

    @ArquillianResource
    URL base;

    @Inject
    MovableClock clock;

    @Inject
    People people;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Followers followers;

    @Inject
    Conversations conversations;

    @Inject
    CustomMessages custom;

    @Inject
    FollowerMenus menus;

    @Inject
    QrCodes qrCodes;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** An account with a click and a view button and one follower, whose follow just opened 3 within a minute. */
    record Fan(App app, AccountId account, long personId, String openid) {
    }

    private Fan fan() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        assertEquals(0, app.owner().post("cgi-bin/menu/create?access_token=" + app.token(),
                "{\"button\":[{\"type\":\"click\",\"name\":\"点\",\"key\":\"K\"},"
                        + "{\"type\":\"view\",\"name\":\"看\",\"url\":\"https://www.example.com/\"}]}",
                "application/json").errcode());
        String phone = TestData.cnPhone();
        TestData.person(new Api(base), phone);
        long personId = people.byHandleOrPhone(phone, "CN").orElseThrow().id();
        AccountId account = accounts.findByAppId(app.appid()).orElseThrow().accountId();
        String openid = followers.follow(personId, app.appid(), SubscribeScene.ADD_SCENE_SEARCH, null, null, null)
                .follower().openid();
        return new Fan(app, account, personId, openid);
    }

    private void send(Fan fan) {
        custom.send(fan.account(), Json.createObjectBuilder().add("touser", fan.openid()).add("msgtype", "text")
                .add("text", Json.createObjectBuilder().add("content", "您好")).build());
    }

    private void refused(ErrorCode code, Fan fan) {
        assertEquals(code, assertThrows(BusinessException.class, () -> send(fan)).code());
    }

    private void writes(Fan fan) {
        conversations.send(fan.personId(), fan.app().appid(),
                new FollowerMessage.Fields("text", "在吗", null, null, null, null, null, null, null, null));
    }

    private void clicks(Fan fan, boolean counting) {
        MenuClick click = new MenuClick();
        if (counting) {
            click.key = "K";
        } else {
            click.url = "https://www.example.com/";
        }
        menus.use(fan.personId(), fan.app().appid(), null, click);
    }

    @Test
    void aMessageAllowsFiveWithinFortyEightHoursAndANewOneResetsWithoutAddingUp() {
        Fan fan = fan();
        clock.advance(Duration.ofMinutes(1).plus(MARGIN));
        refused(WindowError.RESPONSE_OUT_OF_TIME, fan);

        writes(fan);
        clock.advance(Duration.ofHours(48).minus(MARGIN));
        send(fan);
        clock.advance(MARGIN.multipliedBy(2));
        refused(WindowError.RESPONSE_OUT_OF_TIME, fan);

        writes(fan);
        send(fan);
        send(fan);
        writes(fan);
        for (int i = 0; i < 5; i++) {
            send(fan);
        }
        refused(WindowError.RESPONSE_COUNT_LIMIT, fan);

        // a click while a message window is open: the larger of the two, never the sum
        writes(fan);
        clicks(fan, true);
        for (int i = 0; i < 5; i++) {
            send(fan);
        }
        refused(WindowError.RESPONSE_COUNT_LIMIT, fan);
    }

    @Test
    void aFollowAScanAndACountingClickAllowThreeWithinAMinute() {
        Fan fan = fan();
        clock.advance(Duration.ofMinutes(1).minus(MARGIN));
        send(fan);
        send(fan);
        send(fan);
        refused(WindowError.RESPONSE_COUNT_LIMIT, fan);
        clock.advance(MARGIN.multipliedBy(2));
        refused(WindowError.RESPONSE_OUT_OF_TIME, fan);

        clicks(fan, false);
        refused(WindowError.RESPONSE_OUT_OF_TIME, fan); // a view click does not count
        clicks(fan, true);
        send(fan);
        clicks(fan, true);
        for (int i = 0; i < 3; i++) {
            send(fan);
        }
        refused(WindowError.RESPONSE_COUNT_LIMIT, fan);
        clock.advance(Duration.ofMinutes(1).plus(MARGIN));
        refused(WindowError.RESPONSE_OUT_OF_TIME, fan);

        JsonObject code = fan.app().owner().post("cgi-bin/qrcode/create?access_token=" + fan.app().token(),
                Json.createObjectBuilder().add("action_name", "QR_LIMIT_STR_SCENE").add("action_info",
                        Json.createObjectBuilder().add("scene", Json.createObjectBuilder().add("scene_str", "w")))
                        .build()).json();
        qrCodes.scan(fan.personId(), code.getString("ticket"));
        for (int i = 0; i < 3; i++) {
            send(fan);
        }
        refused(WindowError.RESPONSE_COUNT_LIMIT, fan);
    }

    @Test
    void aBlacklistedFollowerOpensNothing() {
        Fan fan = fan();
        clock.advance(Duration.ofMinutes(1).plus(MARGIN));
        blacklist(fan, "batchblacklist");
        writes(fan);
        clicks(fan, true);
        blacklist(fan, "batchunblacklist");
        refused(WindowError.RESPONSE_OUT_OF_TIME, fan);
        writes(fan);
        send(fan);
    }

    @Test
    void typingLastsFifteenSecondsAndNeedsAnExchangeWithinThirty() {
        Fan fan = fan();
        writes(fan);
        custom.typing(fan.account(), fan.openid(), "Typing");
        assertEquals(WindowError.ALREADY_TYPING, assertThrows(BusinessException.class,
                () -> custom.typing(fan.account(), fan.openid(), "Typing")).code());
        clock.advance(Duration.ofSeconds(15).plus(MARGIN));
        custom.typing(fan.account(), fan.openid(), "Typing");
        send(fan);
        custom.typing(fan.account(), fan.openid(), "Typing"); // the message ended the typing
        clock.advance(Duration.ofSeconds(30).plus(MARGIN));
        assertEquals(WindowError.TYPING_WITHOUT_EXCHANGE, assertThrows(BusinessException.class,
                () -> custom.typing(fan.account(), fan.openid(), "Typing")).code());
        custom.typing(fan.account(), fan.openid(), "CancelTyping");
    }

    private void blacklist(Fan fan, String action) {
        String token = fan.app().token(); // a fresh one: the last may have expired while the clock moved
        assertEquals(0, fan.app().owner().post("cgi-bin/tags/members/" + action + "?access_token=" + token,
                Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(fan.openid())).build())
                .errcode());
    }
}
