package org.oaplatform.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.DeveloperServerStub;
import org.oaplatform.testsupport.SampleMedia;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.WeChatSdk;

/**
 * Auto-replies of an account without developer mode, managed through the client API: keyword rules (exact or
 * contained, by priority), the welcome and the default reply, text and media, and silence once a developer server
 * answers instead.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AutoRepliesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private App app() {
        return TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
    }

    private Api follower(App app) {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        Reply followed = person.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                .build());
        assertEquals(201, followed.status(), followed.text());
        return person;
    }

    private static String rules(App app) {
        return "api/v1/official-accounts/" + app.appid() + "/auto-replies";
    }

    private static JsonObject keywordRule(String name, int priority, JsonArrayBuilder keywords, String... texts) {
        return rule("KEYWORD", name, texts).add("priority", priority).add("keywords", keywords).build();
    }

    private static JsonObjectBuilder rule(String kind, String name, String... texts) {
        JsonArrayBuilder replies = Json.createArrayBuilder();
        for (String text : texts) {
            replies.add(Json.createObjectBuilder().add("type", "text").add("content", text));
        }
        return Json.createObjectBuilder().add("kind", kind).add("name", name).add("replies", replies);
    }

    private static JsonArrayBuilder keywords(String match, String... words) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String word : words) {
            array.add(Json.createObjectBuilder().add("keyword", word).add("match", match));
        }
        return array;
    }

    private static String create(App app, JsonObject rule) {
        Reply created = app.owner().post(rules(app), rule);
        assertEquals(201, created.status(), created.text());
        return created.json().getString("id");
    }

    /** What the account answered to {@code text}, oldest first. */
    private static List<String> answers(Api person, App app, String text) {
        Reply sent = person.post("api/v1/conversations/" + app.appid() + "/messages",
                Json.createObjectBuilder().add("type", "text").add("content", text).build());
        assertEquals(201, sent.status(), sent.text());
        return newestAnswers(person, app);
    }

    /** The account's messages after the newest message of the follower, oldest first. */
    private static List<String> newestAnswers(Api person, App app) {
        JsonArray messages = person.get("api/v1/conversations/" + app.appid() + "/messages?limit=50").json()
                .getJsonArray("messages");
        List<String> answers = new java.util.ArrayList<>();
        for (JsonObject m : messages.getValuesAs(JsonObject.class)) {
            if (m.getString("direction").equals("in")) {
                break;
            }
            JsonObject content = m.getJsonObject("content");
            answers.add(0, content.containsKey("content") ? content.getString("content")
                    : m.getString("type") + ":" + content.getString("mediaId"));
        }
        return answers;
    }

    private static void assertProblem(int status, String type, Reply reply) {
        assertEquals(status, reply.status(), reply.text());
        assertEquals(type, reply.problem(), reply.text());
    }

    @Test
    void keywordRulesAnswerByPriorityThenExactnessAndTheDefaultAnswersTheRest() throws Exception {
        App app = app();
        Api person = follower(app);
        assertEquals(List.of(), answers(person, app, "anyone?"), "no rules, no answer");

        create(app, keywordRule("orders", 5, keywords("CONTAINS", "order"), "Orders ship in 2 days."));
        create(app, keywordRule("status", 5, keywords("EXACT", "Order status"), "Track it at /track.",
                "Or call us."));
        String urgent = create(app, keywordRule("urgent", 1, keywords("CONTAINS", "urgent"), "We hurry."));
        String fallback = create(app, rule("DEFAULT", "fallback", "Sorry, we did not get that.").build());

        assertEquals(List.of("Orders ship in 2 days."), answers(person, app, "where is my ORDER?"));
        assertEquals(List.of("Track it at /track.", "Or call us."), answers(person, app, "  order status "));
        assertEquals(List.of("Orders ship in 2 days."), answers(person, app, "urgent order"), "priority 5 wins");
        Reply raised = app.owner().put(rules(app) + "/" + urgent, keywordRule("urgent", 9,
                keywords("CONTAINS", "urgent"), "We hurry."));
        assertEquals(200, raised.status(), raised.text());
        assertEquals(List.of("We hurry."), answers(person, app, "urgent order"));
        assertEquals(List.of("Sorry, we did not get that."), answers(person, app, "hello"));
        Reply located = person.post("api/v1/conversations/" + app.appid() + "/messages", Json.createObjectBuilder()
                .add("type", "location").add("latitude", 31.2).add("longitude", 121.4).build());
        assertEquals(201, located.status());
        assertEquals(List.of("Sorry, we did not get that."), newestAnswers(person, app), "not text: the default");

        assertEquals(204, app.owner().delete(rules(app) + "/" + fallback).status());
        assertEquals(List.of(), answers(person, app, "hello"));
        JsonArray listed = app.owner().get(rules(app)).json().getJsonArray("rules");
        assertEquals(3, listed.size());
        assertEquals("CONTAINS", listed.getJsonObject(0).getJsonArray("keywords").getJsonObject(0)
                .getString("match"));
    }

    @Test
    void theWelcomeAnswersAFollowAndMediaRepliesAreTheAccountsForTheFollowerToRead() throws Exception {
        App app = app();
        byte[] picture = SampleMedia.png();
        String image = WeChatSdk.forAccount(base, app).getMaterialService()
                .mediaUpload("image", "png", new ByteArrayInputStream(picture)).getMediaId();
        create(app, rule("WELCOME", "hello", "Welcome!").build());
        create(app, Json.createObjectBuilder().add("kind", "KEYWORD").add("name", "menu")
                .add("keywords", keywords("EXACT", "menu")).add("replies", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "image").add("mediaId", image))).build());

        Api person = follower(app);
        assertEquals(List.of("Welcome!"), newestAnswers(person, app));
        assertEquals(List.of("image:" + image), answers(person, app, "MENU"));
        Api.Download shown = person.download("api/v1/media/" + image);
        assertEquals(200, shown.status());
        assertTrue(java.util.Arrays.equals(picture, shown.body()));
    }

    @Test
    void rulesAreValidatedAndOnlyTheAccountsManagersChangeThem() {
        App app = app();
        Api person = follower(app);
        create(app, rule("DEFAULT", "fallback", "x").build());
        assertProblem(409, "auto-reply-exists", app.owner().post(rules(app), rule("DEFAULT", "again", "y").build()));
        assertProblem(400, "auto-reply-invalid", app.owner().post(rules(app), rule("KEYWORD", "none", "y").build()));
        assertProblem(400, "auto-reply-invalid", app.owner().post(rules(app), rule("SOMETIMES", "x", "y").build()));
        assertProblem(400, "auto-reply-invalid", app.owner().post(rules(app), keywordRule("x", 500,
                keywords("EXACT", "a"), "y")));
        assertProblem(400, "auto-reply-invalid", app.owner().post(rules(app), keywordRule("x", 1,
                keywords("SOUNDS_LIKE", "a"), "y")));
        assertProblem(400, "auto-reply-invalid", app.owner().post(rules(app), Json.createObjectBuilder()
                .add("kind", "WELCOME").add("name", "x").build()));
        assertProblem(404, "invalid-media-id", app.owner().post(rules(app), Json.createObjectBuilder()
                .add("kind", "WELCOME").add("name", "x").add("replies", Json.createArrayBuilder().add(Json
                        .createObjectBuilder().add("type", "image").add("mediaId", "med_0000000000000000"))).build()));
        assertProblem(404, "auto-reply-not-found", app.owner().get(rules(app) + "/ar_0000000000000000"));
        assertProblem(404, "auto-reply-not-found", app.owner().delete(rules(app) + "/nonsense"));
        assertProblem(404, "not-found", person.get(rules(app)));
        assertProblem(404, "not-found", person.post(rules(app), rule("WELCOME", "mine", "x").build()));
        assertEquals(1, app.owner().get(rules(app)).json().getJsonArray("rules").size(), "nothing half-written");
    }

    @Test
    void anAccountInDeveloperModeAnswersThroughItsServerNotItsRules() throws Exception {
        App app = app();
        create(app, rule("WELCOME", "hello", "Welcome!").build());
        create(app, rule("DEFAULT", "fallback", "Sorry.").build());
        try (DeveloperServerStub server = DeveloperServerStub.start(app.appid())) {
            server.connect(app, "PLAIN");
            Api person = follower(app);
            assertEquals("subscribe", server.await(1).message().getEvent());
            assertEquals(List.of(), answers(person, app, "hello"));
            server.await(2);
            assertEquals(List.of(), newestAnswers(person, app));
        }
    }
}
