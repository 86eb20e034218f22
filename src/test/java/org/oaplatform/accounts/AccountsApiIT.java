package org.oaplatform.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
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

/** Personal accounts through the client API, as a mobile app would use it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void registersLogsInReadsAndUpdatesProfileAndLogsOut() {
        Api api = new Api(base);
        String phone = TestData.cnPhone();
        Reply sent = api.post("api/v1/verification-codes", Json.createObjectBuilder()
                .add("region", "CN").add("phone", phone.substring(3)).build());
        assertEquals(202, sent.status(), sent.text());
        String code = api.latestCode(phone);

        Reply created = api.post("api/v1/accounts", Json.createObjectBuilder().add("region", "CN")
                .add("phone", phone.substring(3)).add("code", code).add("password", "Passw0rd!")
                .add("displayName", "小明").build());
        assertEquals(201, created.status(), created.text());
        assertEquals(phone, created.json().getString("phone"));
        assertEquals("小明", created.json().getString("displayName"));
        assertEquals("CN", created.json().getString("region"));

        String token = TestData.logIn(api, phone, "Passw0rd!");
        Api me = api.as(token);
        Reply profile = me.get("api/v1/me");
        assertEquals(200, profile.status(), profile.text());
        assertEquals(phone, profile.json().getString("phone"));

        Reply patched = me.patch("api/v1/me", Json.createObjectBuilder().add("displayName", "Xiao Ming")
                .add("language", "zh-CN").add("handle", "xm" + TestData.digits(8)).build());
        assertEquals(200, patched.status(), patched.text());
        assertEquals("zh-CN", patched.json().getString("language"));

        assertEquals(204, me.delete("api/v1/sessions/current").status());
        Reply afterLogout = me.get("api/v1/me");
        assertEquals(401, afterLogout.status());
        assertEquals("unauthenticated", afterLogout.problem());
    }

    @Test
    void codeLoginWorksAndCodesAreSingleUse() {
        Api api = new Api(base);
        String phone = TestData.cnPhone();
        TestData.register(api, phone, TestData.PASSWORD);
        // the registration code is spent
        Reply reused = api.post("api/v1/sessions", Json.createObjectBuilder().add("phone", phone)
                .add("code", api.latestCode(phone)).build());
        assertEquals(400, reused.status(), reused.text());
        assertEquals("invalid-verification-code", reused.problem());
    }

    @Test
    void askingForAnotherCodeWithinAMinuteIsRefusedWithoutSayingTheNumberIsTaken() {
        Api api = new Api(base);
        String phone = TestData.cnPhone();
        TestData.register(api, phone, TestData.PASSWORD);
        Api other = new Api(base.toString(), TestData.clientAddress());
        Reply sent = other.post("api/v1/verification-codes", Json.createObjectBuilder().add("phone", phone).build());
        // 60 s between codes for one phone: the answer is a rate limit, not "already registered"
        assertEquals(429, sent.status(), sent.text());
        assertEquals("code-requested-too-soon", sent.problem());
    }

    @Test
    void wrongCodeFiveTimesBurnsIt() {
        Api api = new Api(base);
        String phone = TestData.cnPhone();
        api.post("api/v1/verification-codes", Json.createObjectBuilder().add("phone", phone).build());
        String code = api.latestCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            Reply reply = register(api, phone, wrong);
            assertEquals(400, reply.status(), reply.text());
            assertEquals("invalid-verification-code", reply.problem());
        }
        Reply burnt = register(api, phone, code);
        assertEquals(400, burnt.status(), "the right code after five wrong tries must fail: " + burnt.text());
    }

    @Test
    void perAddressHourlyCapRefusesFurtherCodes() {
        Api api = new Api(base);
        for (int i = 0; i < 30; i++) {
            Reply sent = api.post("api/v1/verification-codes", Json.createObjectBuilder()
                    .add("phone", TestData.cnPhone()).build());
            assertEquals(202, sent.status(), sent.text());
        }
        Reply refused = api.post("api/v1/verification-codes", Json.createObjectBuilder()
                .add("phone", TestData.cnPhone()).build());
        assertEquals(429, refused.status());
        assertEquals("code-limit-reached", refused.problem());
        Reply elsewhere = api.from(TestData.clientAddress()).post("api/v1/verification-codes",
                Json.createObjectBuilder().add("phone", TestData.cnPhone()).build());
        assertEquals(202, elsewhere.status());
    }

    @Test
    void wrongPasswordAndUnknownPhoneGetTheSameAnswer() {
        Api api = new Api(base);
        String phone = TestData.cnPhone();
        TestData.register(api, phone, TestData.PASSWORD);
        Reply wrong = api.post("api/v1/sessions", Json.createObjectBuilder().add("phone", phone)
                .add("password", "Wrong12345").build());
        Reply unknown = api.post("api/v1/sessions", Json.createObjectBuilder().add("phone", TestData.cnPhone())
                .add("password", "Wrong12345").build());
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
    }

    @Test
    void badInputGetsProblemJsonNever500() {
        Api api = new Api(base);
        Reply malformed = api.post("api/v1/accounts", "{\"phone\": ", "application/json");
        assertEquals(400, malformed.status(), malformed.text());
        assertTrue(malformed.contentType().startsWith("application/problem+json"), malformed.contentType());
        assertEquals("malformed-request", malformed.problem());
        assertNotNull(malformed.json().getString("correlationId"));

        Reply missing = api.post("api/v1/accounts", Json.createObjectBuilder().add("phone", "x").build());
        assertEquals(400, missing.status(), missing.text());
        assertEquals("validation-failed", missing.problem());
        assertFalse(missing.json().getJsonArray("errors").isEmpty());

        Reply badPhone = api.post("api/v1/verification-codes", Json.createObjectBuilder()
                .add("region", "CN").add("phone", "12345").build());
        assertEquals(400, badPhone.status());
        assertEquals("invalid-phone", badPhone.problem());

        Reply weakPassword = api.post("api/v1/accounts", Json.createObjectBuilder().add("phone", TestData.cnPhone())
                .add("code", "123456").add("password", "short").add("displayName", "x").build());
        assertEquals(400, weakPassword.status());
        assertEquals("validation-failed", weakPassword.problem());

        String huge = "{\"phone\":\"" + "1".repeat(6 * 1024 * 1024) + "\"}";
        Reply tooLarge = api.postExpectingContinue("api/v1/verification-codes", huge, "application/json");
        assertEquals(413, tooLarge.status());
        assertEquals("request-too-large", tooLarge.problem());

        Reply unknownPath = api.get("api/v1/nothing-here");
        assertEquals(404, unknownPath.status());

        Reply noSession = api.get("api/v1/me");
        assertEquals(401, noSession.status());
        Reply badToken = api.as("not-a-token").get("api/v1/me");
        assertEquals(401, badToken.status());
    }

    private static Reply register(Api api, String phone, String code) {
        return api.post("api/v1/accounts", Json.createObjectBuilder().add("phone", phone).add("code", code)
                .add("password", TestData.PASSWORD).add("displayName", "Someone").build());
    }
}
