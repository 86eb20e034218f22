package org.oaplatform.wechatapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;

/** {@code /cgi-bin/token} and {@code /cgi-bin/stable_token} on the wire, as spec §1 describes them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessTokenApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    record App(Api owner, String appid, String secret) {
    }

    @Test
    void issuesATokenThatOpensTokenCheckedCalls() {
        App app = app();
        Reply token = token(app.owner(), app.appid(), app.secret());
        assertEquals(200, token.status());
        assertTrue(token.contentType().startsWith("application/json"), token.contentType());
        assertFalse(token.text().contains("\n"), "compact JSON only");
        assertEquals(7200, token.json().getInt("expires_in"));
        String accessToken = token.json().getString("access_token");
        Reply ips = app.owner().get("cgi-bin/get_api_domain_ip?access_token=" + accessToken);
        assertEquals(0, ips.errcode(), ips.text());
        assertFalse(ips.json().getJsonArray("ip_list").isEmpty());
    }

    @Test
    void credentialErrorsAreWeChatErrcodesWithHttp200() {
        App app = app();
        Api api = app.owner();
        assertErrcode(41002, api.get("cgi-bin/token?grant_type=client_credential&secret=" + app.secret()));
        assertErrcode(41004, api.get("cgi-bin/token?grant_type=client_credential&appid=" + app.appid()));
        assertErrcode(40002, api.get("cgi-bin/token?grant_type=password&appid=" + app.appid() + "&secret=" + app.secret()));
        assertErrcode(40013, token(api, "wx0000000000000000", app.secret()));
        assertErrcode(40125, token(api, app.appid(), "0".repeat(32)));
        assertErrcode(41001, api.get("cgi-bin/get_api_domain_ip"));
        assertErrcode(40001, api.get("cgi-bin/get_api_domain_ip?access_token=garbage"));
        assertErrcode(43001, api.post("cgi-bin/token", "{}", "application/json"));
        assertErrcode(47001, api.post("cgi-bin/stable_token", "{not json", "application/json"));
        assertErrcode(40066, api.get("cgi-bin/no/such/api?access_token=x"));
        Reply error = token(api, "wx0000000000000000", app.secret());
        assertTrue(error.json().getString("errmsg").contains("rid: "), error.text());
    }

    @Test
    void aNewTokenLeavesThePreviousOneWorkingDuringTheOverlap() {
        App app = app();
        String first = token(app.owner(), app.appid(), app.secret()).json().getString("access_token");
        String second = token(app.owner(), app.appid(), app.secret()).json().getString("access_token");
        assertNotEquals(first, second);
        assertErrcode(0, app.owner().get("cgi-bin/get_api_domain_ip?access_token=" + first));
        assertErrcode(0, app.owner().get("cgi-bin/get_api_domain_ip?access_token=" + second));
    }

    @Test
    void secretResetEndsTheOldSecretAndItsTokens() {
        App app = app();
        String token = token(app.owner(), app.appid(), app.secret()).json().getString("access_token");
        Reply reset = app.owner().post("api/v1/official-accounts/" + app.appid() + "/secret", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, reset.status(), reset.text());
        String newSecret = reset.json().getString("secret");
        assertErrcode(40125, token(app.owner(), app.appid(), app.secret()));
        assertNotEquals(0, app.owner().get("cgi-bin/get_api_domain_ip?access_token=" + token).errcode());
        assertErrcode(0, token(app.owner(), app.appid(), newSecret));
    }

    @Test
    void stableTokenIsReusedUntilForcedAndIsIndependentOfNormalTokens() {
        App app = app();
        JsonObject request = Json.createObjectBuilder().add("grant_type", "client_credential")
                .add("appid", app.appid()).add("secret", app.secret()).add("force_refresh", false).build();
        Reply first = app.owner().post("cgi-bin/stable_token", request);
        assertEquals(0, first.errcode(), first.text());
        String stable = first.json().getString("access_token");
        token(app.owner(), app.appid(), app.secret());
        assertEquals(stable, app.owner().post("cgi-bin/stable_token", request).json().getString("access_token"));
        assertErrcode(0, app.owner().get("cgi-bin/get_api_domain_ip?access_token=" + stable));

        JsonObject forced = Json.createObjectBuilder(request).add("force_refresh", true).build();
        Reply refreshed = app.owner().post("cgi-bin/stable_token", forced);
        // the first stable token was issued less than 30 s ago
        assertErrcode(45011, refreshed);
    }

    @Test
    void whitelistRefusesOtherAddresses() {
        App app = app();
        Api allowed = app.owner().from(TestData.clientAddress());
        Reply set = app.owner().put("api/v1/official-accounts/" + app.appid() + "/ip-whitelist",
                Json.createObjectBuilder().add("addresses", Json.createArrayBuilder().add(allowed.clientAddress())).build());
        assertEquals(200, set.status(), set.text());

        Reply refused = token(app.owner(), app.appid(), app.secret());
        assertErrcode(40164, refused);
        assertTrue(refused.json().getString("errmsg").contains(app.owner().clientAddress()));
        String token = token(allowed, app.appid(), app.secret()).json().getString("access_token");
        assertErrcode(0, allowed.get("cgi-bin/get_api_domain_ip?access_token=" + token));
        assertErrcode(40164, app.owner().get("cgi-bin/get_api_domain_ip?access_token=" + token));

        Reply bad = app.owner().put("api/v1/official-accounts/" + app.appid() + "/ip-whitelist",
                Json.createObjectBuilder().add("addresses", Json.createArrayBuilder().add("example.com")).build());
        assertEquals(400, bad.status());
    }

    private App app() {
        Api api = new Api(base);
        Api owner = api.as(TestData.registerAndLogIn(api, TestData.cnPhone()));
        JsonObject created = owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Tok")))
                .json();
        return new App(owner, created.getString("appid"), created.getString("secret"));
    }

    private static Reply token(Api api, String appid, String secret) {
        return api.get("cgi-bin/token?grant_type=client_credential&appid=" + appid + "&secret=" + secret);
    }

    private static void assertErrcode(int expected, Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        assertEquals(expected, reply.errcode(), reply.text());
    }
}
