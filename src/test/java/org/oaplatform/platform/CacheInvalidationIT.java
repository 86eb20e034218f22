package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Token admission and bearer sessions are cached in the data grid. Each test first uses the token or session, so that
 * it is cached, then changes what it depends on, and the very next request must see the change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CacheInvalidationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void aResetSecretsOldTokenFailsAtOnce() {
        TestData.App app = serviceAccount();
        String token = app.token();
        assertErrcode(0, domainIps(app.owner(), token));

        Reply reset = app.owner().post("api/v1/official-accounts/" + app.appid() + "/secret", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, reset.status(), reset.text());

        assertErrcode(42001, domainIps(app.owner(), token));
    }

    @Test
    void aWhitelistChangeAppliesAtOnce() {
        TestData.App app = serviceAccount();
        String token = app.token();
        assertErrcode(0, domainIps(app.owner(), token));

        whitelist(app, TestData.clientAddress());
        assertErrcode(40164, domainIps(app.owner(), token));

        whitelist(app, app.owner().clientAddress());
        assertErrcode(0, domainIps(app.owner(), token));
    }

    @Test
    void verificationGrantsItsCapabilitiesAtOnce() {
        TestData.App app = serviceAccount();
        String token = app.token();
        assertErrcode(48001, app.owner().get("cgi-bin/tags/get?access_token=" + token));

        TestData.verify(app.owner(), app.appid());

        assertErrcode(0, app.owner().get("cgi-bin/tags/get?access_token=" + token));
    }

    @Test
    void aLoggedOutSessionFailsAtOnceAndOtherSessionsGoOn() {
        Api api = new Api(base.toString(), TestData.clientAddress());
        String phone = TestData.cnPhone();
        TestData.register(api, phone, TestData.PASSWORD);
        Api phoneSession = api.as(TestData.logIn(api, phone, TestData.PASSWORD));
        Api laptopSession = api.as(TestData.logIn(api, phone, TestData.PASSWORD));
        assertEquals(200, phoneSession.get("api/v1/me").status());
        assertEquals(200, laptopSession.get("api/v1/me").status());

        assertEquals(204, phoneSession.delete("api/v1/sessions/current").status());

        Reply refused = phoneSession.get("api/v1/me");
        assertEquals(401, refused.status(), refused.text());
        assertEquals("unauthenticated", refused.problem());
        assertEquals(200, laptopSession.get("api/v1/me").status());
    }

    private TestData.App serviceAccount() {
        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        JsonObject created = owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Cache")))
                .json();
        return new TestData.App(owner, created.getString("appid"), created.getString("secret"));
    }

    private static void whitelist(TestData.App app, String address) {
        Reply set = app.owner().put("api/v1/official-accounts/" + app.appid() + "/ip-whitelist",
                Json.createObjectBuilder().add("addresses", Json.createArrayBuilder().add(address)).build());
        assertEquals(200, set.status(), set.text());
    }

    private static Reply domainIps(Api api, String token) {
        return api.get("cgi-bin/get_api_domain_ip?access_token=" + token);
    }

    private static void assertErrcode(int expected, Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        assertEquals(expected, reply.errcode(), reply.text());
    }
}
