package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.DatabaseLink;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.TestData;

/**
 * The database goes away under a running application (the test cuts the domain's {@link DatabaseLink}): every surface
 * answers "system busy, retry" instead of a 500, {@code /health} says DOWN at once, and everything works again as soon
 * as the database is back, without a hand.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    static final String DEMO_TOKEN = "cgi-bin/token?grant_type=client_credential&appid=wx0123456789abcdef"
            + "&secret=0123456789abcdef0123456789abcdef";

    @Deployment
    static WebArchive deployment() {
        // The client test's helpers too: the test class is loaded in the server as well.
        return Deployments.war().addClasses(FailingTimer.class, Api.class, Api.Reply.class, TestData.class,
                DatabaseLink.class, Eventually.class, Deployments.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    FailingTimer failingTimer;

    @Test
    @RunAsClient
    void answersSystemBusyWhileTheDatabaseIsAwayAndServesAgainOnceItIsBack() {
        Api api = new Api(base);
        Api person = api.as(TestData.registerAndLogIn(api, TestData.cnPhone()));
        assertEquals(200, person.get("api/v1/me").status());

        DatabaseLink link = DatabaseLink.current();
        link.cut();
        try {
            Reply me = person.get("api/v1/me");
            assertEquals(503, me.status(), me.text());
            assertEquals("service-unavailable", me.problem());
            assertEquals("5", me.header("Retry-After"));
            Reply again = person.get("api/v1/me");
            assertEquals(503, again.status(), "a second request, when the pool has no connection left: " + again.text());

            Reply token = api.get(DEMO_TOKEN);
            assertEquals(200, token.status(), "WeChat SDKs need HTTP 200 to read the errcode");
            assertEquals(-1, token.errcode(), token.text());
            assertTrue(token.json().getString("errmsg").startsWith("system busy"), token.text());

            Instant asked = Instant.now();
            Reply health = api.get("health");
            Duration answeredIn = Duration.between(asked, Instant.now());
            assertEquals(503, health.status(), health.text());
            assertTrue(health.text().contains("DOWN"), health.text());
            assertTrue(answeredIn.compareTo(Duration.ofSeconds(4)) < 0, "health answered in " + answeredIn);
        } finally {
            link.restore();
        }

        Reply back = Eventually.poll(Duration.ofSeconds(30), () -> person.get("api/v1/me"), r -> r.status() == 200);
        assertEquals(200, back.status(), back.text());
        assertEquals(0, api.get(DEMO_TOKEN).errcode());
        Reply health = Eventually.poll(Duration.ofSeconds(10), () -> api.get("health"), r -> r.status() == 200);
        assertEquals(200, health.status(), health.text());
    }

    /**
     * A timer whose runs fail (as every timer's do while the database is away) keeps its schedule: by default the
     * server would retry it once and then cancel it until the next deployment (server-config/resources.asadmin).
     */
    @Test
    void aTimerThatFailedRunsAgainAtItsNextTime() {
        int runs = Eventually.poll(Duration.ofSeconds(40), failingTimer::runs, n -> n >= FailingTimer.FAILURES + 2);
        assertTrue(runs >= FailingTimer.FAILURES + 2, "the timer ran " + runs + " times and then no more");
    }
}
