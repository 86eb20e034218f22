package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.oaplatform.testsupport.RawHttp.Answer;
import org.oaplatform.testsupport.RawHttp;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.TestData;

/**
 * Whatever failed and wherever (a body the JSON reader refuses, a charset nobody knows, a path that climbs out of
 * the API, the container's own refusals), the answer is the surface's own: errcode JSON under {@code /cgi-bin},
 * problem+json under {@code /api/v1}. What the container answers before the application can is in docs/errors.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SurfaceAnswersIT {

    /** Every POST of the WeChat surface. */
    static final List<String> CGI_POSTS = List.of("stable_token", "tags/create", "tags/update", "tags/delete",
            "tags/members/batchtagging", "tags/members/batchuntagging", "tags/getidlist", "tags/members/getblacklist",
            "tags/members/batchblacklist", "tags/members/batchunblacklist", "user/tag/get", "user/info/batchget",
            "user/info/updateremark", "qrcode/create");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void weChatPostsAnswerDataFormatErrorForDeepJsonAndUnknownCharsets() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String token = app.token();
        String deep = "{\"tag\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        List<String> failures = new ArrayList<>();
        for (String path : CGI_POSTS) {
            String target = "cgi-bin/" + path + "?access_token=" + token;
            Reply nested = app.owner().post(target, deep, "application/json");
            Reply charset = app.owner().post(target, "{\"tag\":{\"name\":\"x\"}}", "application/json; charset=x-no-such");
            for (Reply reply : List.of(nested, charset)) {
                if (reply.status() != 200 || reply.errcode() != 47001) {
                    failures.add(path + ": " + reply.status() + " " + reply.text());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void clientApiAnswersUnsupportedMediaTypeForUnknownCharsets() {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        for (String path : List.of("api/v1/verification-codes", "api/v1/sessions", "api/v1/wallet/cards")) {
            Reply reply = person.post(path, "{}", "application/json; charset=x-no-such");
            assertEquals(415, reply.status(), path + ": " + reply.text());
            assertEquals("unsupported-media-type", reply.problem(), path);
        }
    }

    @Test
    void optionsAnswersTheAllowedMethodsWithoutWadl() {
        for (String path : List.of("/api/v1/ping", "/cgi-bin/token", "/api/v1/wallet/transfers")) {
            Answer answer = RawHttp.send(base, "OPTIONS", path, null);
            assertTrue(answer.status() == 200 || answer.status() == 204, path + ": " + answer);
            assertTrue(answer.header("Allow").orElse("").contains("OPTIONS"), path + ": " + answer);
            String text = (answer.head() + answer.body()).toLowerCase(Locale.ROOT);
            assertFalse(text.contains("wadl") || text.contains("jersey"), path + ": " + answer);
        }
        Answer wadl = RawHttp.send(base, "GET", "/api/v1/application.wadl", null);
        assertEquals(404, wadl.status(), wadl.toString());
    }

    @Test
    void pathsThatClimbOutOfAnApiAnswerInItsShape() {
        for (String path : List.of("/api/v1/wallet/cards/../../../../etc/passwd", "/api/v1/../../etc/passwd",
                "/api/v1/wallet/cards/%2e%2e/%2e%2e/%2e%2e/WEB-INF/web.xml")) {
            Answer answer = RawHttp.send(base, "GET", path, null);
            assertEquals(404, answer.status(), path + ": " + answer);
            assertTrue(answer.contentType().startsWith("application/problem+json"), path + ": " + answer);
            assertEquals("urn:oaplatform:problem:not-found", json(answer).getString("type"), path);
            assertTrue(answer.header("X-Request-Id").isPresent(), path + ": " + answer);
        }
        for (String path : List.of("/cgi-bin/../WEB-INF/web.xml", "/cgi-bin/user/../../etc/passwd")) {
            Answer answer = RawHttp.send(base, "GET", path, null);
            assertEquals(200, answer.status(), path + ": " + answer);
            assertTrue(answer.contentType().startsWith("application/json"), path + ": " + answer);
            assertEquals(40066, json(answer).getInt("errcode"), path);
        }
        Answer portal = RawHttp.send(base, "GET", "/portal/../WEB-INF/web.xml", null);
        assertEquals(404, portal.status(), portal.toString());
        assertTrue(portal.contentType().startsWith("text/html"), portal.toString());
    }

    @Test
    void aGetWithABodyIsAnsweredLikeAnyGet() {
        Answer ping = RawHttp.send(base, "GET", "/api/v1/ping", "{\"a\":1}", "Content-Type: application/json");
        assertEquals(200, ping.status(), ping.toString());
        assertEquals("ok", json(ping).getString("status"));
        Answer token = RawHttp.send(base, "GET", "/cgi-bin/token", "{\"a\":1}", "Content-Type: application/json");
        assertEquals(200, token.status(), token.toString());
        assertEquals(41002, json(token).getInt("errcode"), token.toString());
    }

    @Test
    void nulInAQueryIsAnOrdinaryWrongValue() {
        Answer ticket = RawHttp.send(base, "GET", "/cgi-bin/showqrcode?ticket=%00", null);
        assertEquals(200, ticket.status(), ticket.toString());
        assertEquals(40097, json(ticket).getInt("errcode"), ticket.toString());
    }

    @Test
    void theErrorAnswerIsNoPageOfItsOwn() {
        Answer direct = RawHttp.send(base, "GET", "/error-answer", null);
        assertEquals(404, direct.status(), direct.toString());
        assertTrue(direct.contentType().startsWith("text/html"), direct.toString());
    }

    private static JsonObject json(Answer answer) {
        return Json.createReader(new StringReader(answer.body())).readObject();
    }
}
