package org.oaplatform.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.SampleMedia;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;

/**
 * The Node SDK co-wechat-api (3.11.0, from npm) drives menus, customer-service messages, temporary media and
 * template messages against the platform, unmodified but for its host prefix (spec §13.3, §13.6: compact JSON,
 * numeric errcodes). {@code src/test/node/messaging-check.js} makes the calls; this test prepares the account and a
 * follower, runs it with Node, and checks what the follower sees. Without Node and npm the test is skipped, except on
 * CI ({@code CI=true}), where it fails, like the browser tests without Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeSdkIT {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path WORK = Path.of("target", "node-sdk");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void coWechatApiSendsMenusMessagesMediaAndTemplates() throws Exception {
        requireNode();
        install();
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                .build()).status());
        String openid = app.owner().get("cgi-bin/user/get?access_token=" + app.token() + "&next_openid=").json()
                .getJsonObject("data").getJsonArray("openid").getString(0);
        // a message of the follower's opens the window for 48 hours: installing the SDK may take longer than the
        // minute a follow opens it for
        assertEquals(201, fan.post("api/v1/conversations/" + app.appid() + "/messages",
                Json.createObjectBuilder().add("type", "text").add("content", "你好").build()).status());
        Path image = WORK.resolve("cover.png");
        Files.write(image, SampleMedia.png());

        JsonObject answers = run("node", "messaging-check.js", base.toString(), app.appid(), app.secret(), openid,
                image.toAbsolutePath().toString());

        assertEquals("今日歌曲", answers.getJsonObject("getMenu").getJsonObject("menu").getJsonArray("button")
                .getJsonObject(0).getString("name"));
        assertTrue(answers.getJsonObject("uploadMedia").getString("media_id").startsWith("med_"), answers.toString());
        // json-bigint hands numbers of more than 15 digits to the caller as strings (spec §13.6)
        assertTrue(answers.getJsonObject("sendTemplate").get("msgid").toString().matches("\"?[1-9][0-9]*\"?"),
                answers.toString());
        String seen = fan.get("api/v1/conversations/" + app.appid() + "/messages?limit=10").text();
        assertTrue(seen.contains("Node 你好"), seen);
        assertTrue(seen.contains("保温杯"), "the template message lands in the conversation: " + seen);
        assertEquals(46003, app.owner().get("cgi-bin/menu/get?access_token=" + app.token()).errcode(),
                "the SDK removed the menu");
    }

    private static void requireNode() {
        boolean present = succeeds("node", "--version") && succeeds("npm", "--version");
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("node and npm are missing on CI (.ci/run installs them)");
        }
        Assumptions.assumeTrue(present, "node and npm are not installed: the Node SDK check is skipped");
    }

    /** The SDK exactly as the lock file pins it, into {@code target/node-sdk}. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "messaging-check.js")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules").resolve("co-wechat-api"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(WORK.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(npm.waitFor(5, TimeUnit.MINUTES), "npm ci took more than 5 minutes");
            assertEquals(0, npm.exitValue(), "npm ci failed: " + output);
        }
    }

    private static JsonObject run(String... command) throws IOException, InterruptedException {
        Process node = new ProcessBuilder(command).directory(WORK.toFile()).start();
        byte[] out = node.getInputStream().readAllBytes();
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(2, TimeUnit.MINUTES), "the Node SDK check took more than 2 minutes");
        assertEquals(0, node.exitValue(), "the Node SDK failed: " + err);
        try (JsonReader reader = Json.createReader(new StringReader(new String(out, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
