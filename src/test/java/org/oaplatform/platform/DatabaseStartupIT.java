package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.DatabaseLink;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestDomain;

/**
 * The fault run's case: Payara (re)starts while the database is down. The application, deployed as an operator deploys
 * it, must come up anyway, say "system busy" and {@code /health} DOWN meanwhile, and serve by itself once the database
 * answers: nobody restarts or redeploys anything.
 * <p>
 * Not an Arquillian test: an Arquillian deployment does not survive a restart of the server.
 */
class DatabaseStartupIT {

    static final String APPLICATION = "oa-platform-startup";
    static final String DEMO_TOKEN = "cgi-bin/token?grant_type=client_credential&appid=wx0123456789abcdef"
            + "&secret=0123456789abcdef0123456789abcdef";

    final Api api = new Api("http://localhost:8080/", TestData.clientAddress());

    @AfterAll
    static void cleanUp() {
        DatabaseLink.current().restore();
        TestDomain.undeployIfPresent(APPLICATION);
    }

    @Test
    void theServerStartedWithoutItsDatabaseServesOnceTheDatabaseIsBack() {
        DatabaseLink link = DatabaseLink.current();
        TestDomain.deploy(APPLICATION);
        assertEquals(0, api.get(DEMO_TOKEN).errcode(), "deployed with the database there");

        link.cut();
        try {
            TestDomain.restart();

            // While Payara loads the application it answers by itself (404, or 500 with an empty body): a load
            // balancer waits for /health/ready. Wait for the application's own answer, whatever it says.
            Reply me = Eventually.poll(Duration.ofMinutes(2), () -> answer("api/v1/me"), Optional::isPresent)
                    .orElseThrow(() -> new AssertionError("the application did not answer after the restart"));
            assertEquals(503, me.status(), "the application is deployed and says why it cannot serve: " + me.text());
            assertEquals("service-unavailable", me.problem());
            assertEquals("5", me.header("Retry-After"));

            Reply token = api.get(DEMO_TOKEN);
            assertEquals(200, token.status(), token.text());
            assertEquals(-1, token.errcode(), token.text());
            assertTrue(token.json().getString("errmsg").startsWith("system busy"), token.text());

            Reply health = api.get("health");
            assertEquals(503, health.status(), health.text());
            assertTrue(health.text().contains("DOWN"), health.text());
            Reply live = api.get("health/live");
            assertEquals(200, live.status(), "restarting the server would not bring the database back: " + live.text());
        } finally {
            link.restore();
        }

        // Migrations are retried with a back-off of at most 10 s; the pool reconnects on its own.
        Reply back = Eventually.poll(Duration.ofSeconds(60), () -> api.get(DEMO_TOKEN), r -> r.errcode() == 0);
        assertEquals(0, back.errcode(), "the demo token once the database is back: " + back.text());
        Api person = api.as(TestData.registerAndLogIn(api, TestData.cnPhone()));
        Reply me = person.get("api/v1/me");
        assertEquals(200, me.status(), me.text());
        Reply health = Eventually.poll(Duration.ofSeconds(15), () -> api.get("health"), r -> r.status() == 200);
        assertEquals(200, health.status(), health.text());
    }

    /** The application's own answer (problem+json), or nothing while the server is still starting or loading it. */
    private Optional<Reply> answer(String path) {
        try {
            Reply reply = api.get(path);
            return reply.contentType().startsWith("application/problem+json") ? Optional.of(reply) : Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
