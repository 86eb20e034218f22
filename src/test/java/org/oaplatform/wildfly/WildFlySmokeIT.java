package org.oaplatform.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.TestData;

/**
 * The same WAR that Payara gets, deployed on WildFly (standalone-full, Hibernate, RESTEasy) configured only by
 * {@code server-config/wildfly/configure.cli}, against the test database (a schema of its own). Not Arquillian: a
 * plain HTTP client, as a person would check a fresh installation. The build runs it after the Payara tests, never
 * beside them (pom.xml, failsafe execution {@code wildfly-smoke}).
 */
@Tag("wildfly")
class WildFlySmokeIT {

    private static WildFlyServer server;

    @BeforeAll
    static void deployOnWildFly() throws Exception {
        server = new WildFlyServer(Path.of(property("wildfly.home")), Path.of(property("wildfly.log")),
                Integer.parseInt(property("wildfly.portOffset")));
        try {
            server.configure(Path.of(property("wildfly.cli")), Path.of(property("wildfly.driver")));
            server.startWith(Path.of(property("oa.war")), Map.of(
                    "DB_URL", property("wildfly.db.url"), "DB_USER", "oa", "DB_PASSWORD", "oa",
                    "OA_DEV_MODE", "true", "OA_PLATFORM_ADMINS", TestData.ADMIN_PHONE,
                    "OA_TRUSTED_PROXIES", "127.0.0.1,::1,0:0:0:0:0:0:0:1",
                    "OA_PUBLIC_URL", server.baseUrl().replaceAll("/$", "")));
        } catch (Throwable failed) {
            server.close();
            throw failed;
        }
    }

    @AfterAll
    static void stopWildFly() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pingAnswers() {
        Reply ping = api().get("api/v1/ping");
        assertEquals(200, ping.status(), ping.text());
    }

    @Test
    void aPersonRegistersWithTheSmsCodeAndReadsTheirStatement() {
        Api person = TestData.person(api(), TestData.cnPhone());
        Reply statement = person.get("api/v1/wallet/transactions?type=TOP_UP&direction=IN");
        assertEquals(200, statement.status(), statement.text());
        assertEquals(0, statement.json().getJsonArray("entries").size());

        Reply notANumber = person.get("api/v1/wallet/transactions?limit=ten");
        assertEquals(400, notANumber.status(), notANumber.text());
        assertEquals("validation-failed", notANumber.problem());
        assertEquals("limit", notANumber.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply unknownKind = person.get("api/v1/wallet/transactions?type=LOTTERY");
        assertTrue(unknownKind.json().getString("detail").startsWith("type: must be one of "), unknownKind.text());
    }

    @Test
    void aVerifiedAccountsCredentialsGetAnAccessTokenAndWrongOnesAnErrcode() {
        // Registered, applied for verification and approved by the platform admin, all through the client API.
        TestData.App app = TestData.verifiedServiceAccount(TestData.person(api(), TestData.cnPhone()));
        Api owner = app.owner();
        String appid = app.appid();
        assertTrue(owner.get("api/v1/official-accounts/" + appid + "/verification-applications").text()
                .contains("licence.pdf"), "the owner sees the documents of the application");

        Reply token = owner.get("cgi-bin/token?grant_type=client_credential&appid=" + appid + "&secret=" + app.secret());
        assertEquals(200, token.status(), token.text());
        assertTrue(token.json().getString("access_token").length() > 20, token.text());

        Reply wrong = owner.get("cgi-bin/token?grant_type=client_credential&appid=" + appid + "&secret=wrong");
        assertEquals(200, wrong.status(), "WeChat's errors are HTTP 200: " + wrong.text());
        assertTrue(wrong.contentType().startsWith("application/json"), wrong.contentType());
        assertEquals(40125, wrong.errcode(), wrong.text());
        assertTrue(wrong.json().getString("errmsg").contains(" rid: "), wrong.text());
    }

    @Test
    void clientApiErrorsAreProblems() {
        Reply unknown = api().get("api/v1/no-such-thing");
        assertEquals(404, unknown.status(), unknown.text());
        assertTrue(unknown.contentType().startsWith("application/problem+json"), unknown.contentType());
        assertEquals("not-found", unknown.problem());

        Reply malformed = api().post("api/v1/sessions", "{not json", "application/json");
        assertEquals(400, malformed.status(), malformed.text());
        JsonObject problem = malformed.json();
        assertEquals("urn:oaplatform:problem:malformed-request", problem.getString("type"));
        assertTrue(problem.containsKey("correlationId"), malformed.text());
    }

    @Test
    void thePortalLoginPageRenders() {
        Reply login = api().get("portal/login.xhtml");
        assertEquals(200, login.status(), login.text());
        assertTrue(login.contentType().startsWith("text/html"), login.contentType());
        assertTrue(login.text().contains("id=\"login\"") && login.text().contains("login:password"), login.text());
    }

    @Test
    void aPersonSignsInToThePortal() throws Exception {
        String phone = TestData.cnPhone();
        TestData.register(api(), phone, TestData.PASSWORD);
        PortalSession portal = new PortalSession(server.baseUrl());
        PortalSession.Page form = portal.get("portal/login.xhtml");
        PortalSession.Page home = portal.submit(form, Map.of("login", "login", "login:region", "CN",
                "login:phone", phone, "login:password", TestData.PASSWORD, "login:submit", ""));
        assertTrue(home.uri().getPath().endsWith("/portal/index.xhtml") && !home.body().contains("login:password"),
                "Jakarta Security's identity store signs people in (integrated-jaspi=false): " + home);
    }

    @Test
    void operationsEndpointsAnswer() {
        Reply ready = new Api(server.managementUrl(), TestData.clientAddress()).get("health/ready");
        assertEquals(200, ready.status(), ready.text());
        assertEquals("UP", ready.json().getString("status"), ready.text());
        assertTrue(ready.text().contains("database"), "the application's own check: " + ready.text());
        Reply openapi = api().get("openapi");
        assertEquals(200, openapi.status(), openapi.text());
        // Only that it is there: SmallRye puts every path under one of the two application paths (docs/wildfly.md).
        assertTrue(openapi.text().contains("/ping:"), openapi.text());
    }

    private static Api api() {
        return new Api(server.baseUrl(), TestData.clientAddress());
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (see pom.xml, wildfly-smoke)");
        }
        return value;
    }
}
