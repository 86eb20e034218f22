package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
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
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.TestData;

/**
 * Requests that change one row at the same time: each gets an answer of its surface (success, or 409 when it lost
 * and nothing of it was written), never a 500 from an optimistic lock failing at commit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentUpdatesIT {

    private static final int PARALLEL = 12;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void parallelProfileChangesSucceedOrAnswerConflict() throws Exception {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        List<Reply> replies = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            replies.addAll(atOnce(i -> () -> person.patch("api/v1/me", Json.createObjectBuilder()
                    .add("displayName", "Name " + i).add("language", i % 2 == 0 ? "en" : "zh-CN").build())));
        }
        for (Reply reply : replies) {
            assertTrue(reply.status() == 200 || reply.status() == 409 && "conflict".equals(reply.problem()),
                    reply.status() + " " + reply.text());
        }
        assertTrue(replies.stream().anyMatch(r -> r.status() == 200));
        String name = person.get("api/v1/me").json().getString("displayName");
        assertTrue(name.matches("Name \\d+"), name);
    }

    @Test
    void parallelDecisionsOnOneVerificationLeaveExactlyOne() throws Exception {
        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        Api admin = new Api(base).as(TestData.adminSession(new Api(base)));
        for (int round = 0; round < 3; round++) {
            String appid = owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Race")))
                    .json().getString("appid");
            String application = owner.post("api/v1/official-accounts/" + appid + "/verification-applications",
                    Json.createObjectBuilder().add("documents", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "BUSINESS_LICENSE").add("fileName", "licence.pdf")
                            .add("contentType", "application/pdf")
                            .add("content", Base64.getEncoder().encodeToString("%PDF-1.4 licence".getBytes()))))
                            .build()).json().getString("id");
            List<Reply> replies = atOnce(i -> () -> admin.post("api/v1/admin/verifications/" + application
                    + (i % 2 == 0 ? "/approve" : "/reject"), Json.createObjectBuilder().add("reason", "race").build()));
            long decided = replies.stream().filter(r -> r.status() == 200).count();
            assertEquals(1, decided, replies.toString());
            for (Reply reply : replies) {
                assertTrue(reply.status() == 200 || reply.status() == 409, reply.status() + " " + reply.text());
            }
        }
    }

    @Test
    void parallelRemarksOfOneFollowerAllSucceed() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        TestData.person(new Api(base), TestData.cnPhone()).post("api/v1/me/following",
                Json.createObjectBuilder().add("appid", app.appid()).build());
        String token = app.token();
        String openid = app.owner().get("cgi-bin/user/get?access_token=" + token).json().getJsonObject("data")
                .getJsonArray("openid").getValuesAs(JsonString.class).get(0).getString();
        List<Reply> replies = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            replies.addAll(atOnce(i -> () -> app.owner().post("cgi-bin/user/info/updateremark?access_token=" + token,
                    Json.createObjectBuilder().add("openid", openid).add("remark", "remark " + i).build())));
        }
        for (Reply reply : replies) {
            assertEquals(0, reply.errcode(), reply.text());
        }
        JsonObject info = app.owner().get("cgi-bin/user/info?access_token=" + token + "&openid=" + openid).json();
        assertTrue(info.getString("remark").matches("remark \\d+"), info.toString());
    }

    /** {@link #PARALLEL} requests released together. */
    private static List<Reply> atOnce(IntFunction<Callable<Reply>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                Callable<Reply> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
