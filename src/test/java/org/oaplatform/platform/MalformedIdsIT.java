package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.oaplatform.testsupport.WalletData;

/**
 * Public ids that no server ever made (non-ASCII text, a right-to-left mark, an emoji joined by a zero-width joiner,
 * far too long, the wrong alphabet) get the answer of an unknown id on every endpoint that takes one: never a 500
 * or errcode -1 from the database comparing them with its ASCII columns.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MalformedIdsIT {

    /** Each in a form that would reach the database if only its prefix were checked. */
    static final List<String> MALFORMED = List.of("名字😀", "trf_\u200F0123456789abcdef", "o👩\u200D💻" + "a".repeat(24),
            "card_" + "0".repeat(300), "pst_ZZZZZZZZZZZZZZZZ", "top_01234567\u00e989abcde");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void clientApiAnswersMalformedIdsLikeUnknownOnes() {
        WalletData.Holder holder = WalletData.holder(new Api(base), 10_000);
        Api person = holder.api();
        Api admin = new Api(base).as(TestData.adminSession(new Api(base)));
        List<String> failures = new ArrayList<>();
        for (String id : MALFORMED) {
            String segment = URLEncoder.encode(id, StandardCharsets.UTF_8);
            Map<String, Reply> replies = new LinkedHashMap<>();
            replies.put("transfer-unknown GET transfers/{id}", person.get("api/v1/wallet/transfers/" + segment));
            replies.put("transfer-unknown POST transfers/{id}/accept", withKey(person)
                    .post("api/v1/wallet/transfers/" + segment + "/accept", "", "application/json"));
            replies.put("transfer-unknown POST transfers/{id}/return", withKey(person)
                    .post("api/v1/wallet/transfers/" + segment + "/return", "", "application/json"));
            replies.put("red-packet-unknown GET red-packets/{id}", person.get("api/v1/wallet/red-packets/" + segment));
            replies.put("red-packet-unknown POST red-packets/{id}/open", withKey(person)
                    .post("api/v1/wallet/red-packets/" + segment + "/open", "", "application/json"));
            replies.put("top-up-unknown GET top-ups/{id}", person.get("api/v1/wallet/top-ups/" + segment));
            replies.put("withdrawal-unknown GET withdrawals/{id}", person.get("api/v1/wallet/withdrawals/" + segment));
            replies.put("card-unknown DELETE cards/{id}", person.delete("api/v1/wallet/cards/" + segment));
            replies.put("card-unknown POST top-ups cardId", withKey(person).post("api/v1/wallet/top-ups",
                    Json.createObjectBuilder().add("cardId", id).add("amount", 100).build()));
            replies.put("card-unknown POST withdrawals cardId", withKey(person).post("api/v1/wallet/withdrawals",
                    Json.createObjectBuilder().add("cardId", id).add("amount", 100).add("pin", WalletData.PIN)
                            .build()));
            replies.put("validation-failed GET transactions?before", person.get("api/v1/wallet/transactions?before="
                    + segment));
            replies.put("not-found GET admin postings/{id}", admin.get("api/v1/admin/ledger/postings/" + segment));
            replies.put("validation-failed GET admin statements?before", admin.get("api/v1/admin/ledger/statements/"
                    + URLEncoder.encode(holder.phone(), StandardCharsets.UTF_8) + "?before=" + segment));
            replies.put("not-found POST admin verifications/{id}/approve", admin.post("api/v1/admin/verifications/"
                    + segment + "/approve", Json.createObjectBuilder().build()));
            replies.put("not-found GET official-accounts/{appid}", person.get("api/v1/official-accounts/" + segment));
            replies.forEach((expected, reply) -> {
                String problem = expected.substring(0, expected.indexOf(' '));
                if (reply.status() >= 500 || !reply.contentType().startsWith("application/problem+json")
                        || !problem.equals(reply.problem())) {
                    failures.add(expected + " with " + id + ": " + reply.status() + " " + reply.text());
                }
            });
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        WalletData.assertLedgerConsistent(new Api(base));
        assertEquals(10_000, holder.balance());
    }

    @Test
    void weChatApiAnswersMalformedOpenidsWith40003AndTicketsAndAppidsLikeUnknownOnes() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String token = app.token();
        Api api = app.owner();
        int tagId = api.post("cgi-bin/tags/create?access_token=" + token, Json.createObjectBuilder()
                .add("tag", Json.createObjectBuilder().add("name", "malformed")).build()).json().getJsonObject("tag")
                .getInt("id");
        List<String> failures = new ArrayList<>();
        for (String id : MALFORMED) {
            String query = URLEncoder.encode(id, StandardCharsets.UTF_8);
            JsonObject list = Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(id)).build();
            Map<String, Reply> replies = new LinkedHashMap<>();
            replies.put("40003 user/info", api.get("cgi-bin/user/info?access_token=" + token + "&openid=" + query));
            replies.put("40003 user/get", api.get("cgi-bin/user/get?access_token=" + token + "&next_openid=" + query));
            replies.put("40003 tags/getidlist", api.post("cgi-bin/tags/getidlist?access_token=" + token,
                    Json.createObjectBuilder().add("openid", id).build()));
            replies.put("40003 getblacklist", api.post("cgi-bin/tags/members/getblacklist?access_token=" + token,
                    Json.createObjectBuilder().add("begin_openid", id).build()));
            replies.put("40003 updateremark", api.post("cgi-bin/user/info/updateremark?access_token=" + token,
                    Json.createObjectBuilder().add("openid", id).add("remark", "x").build()));
            replies.put("40003 batchblacklist", api.post("cgi-bin/tags/members/batchblacklist?access_token=" + token,
                    list));
            replies.put("40003 batchunblacklist", api.post("cgi-bin/tags/members/batchunblacklist?access_token="
                    + token, list));
            replies.put("40003 batchtagging", api.post("cgi-bin/tags/members/batchtagging?access_token=" + token,
                    Json.createObjectBuilder(list).add("tagid", tagId).build()));
            replies.put("40003 user/info/batchget", api.post("cgi-bin/user/info/batchget?access_token=" + token,
                    Json.createObjectBuilder().add("user_list", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("openid", id))).build()));
            replies.put("40003 user/tag/get", api.post("cgi-bin/user/tag/get?access_token=" + token,
                    Json.createObjectBuilder().add("tagid", tagId).add("next_openid", id).build()));
            replies.put("40097 showqrcode", api.get("cgi-bin/showqrcode?ticket=" + query));
            replies.put("40013 token appid", api.get("cgi-bin/token?grant_type=client_credential&appid=" + query
                    + "&secret=" + app.secret()));
            replies.forEach((expected, reply) -> {
                int errcode = Integer.parseInt(expected.substring(0, expected.indexOf(' ')));
                if (reply.status() != 200 || reply.errcode() != errcode) {
                    failures.add(expected + " with " + id + ": " + reply.status() + " " + reply.text());
                }
            });
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static Api withKey(Api person) {
        return person.withHeader("Idempotency-Key", WalletData.key());
    }
}
