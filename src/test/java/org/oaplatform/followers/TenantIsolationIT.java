package org.oaplatform.followers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
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

/**
 * Every follower endpoint called with another account's token and this account's openids: each answers 40003 and
 * changes nothing of this account — never another tenant's data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantIsolationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void anotherAccountsTokenGets40003EverywhereAndChangesNothing() {
        App victim = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        TestData.person(new Api(base), TestData.cnPhone()).post("api/v1/me/following",
                Json.createObjectBuilder().add("appid", victim.appid()).build());
        String victimToken = victim.token();
        String openid = victim.owner().get("cgi-bin/user/get?access_token=" + victimToken).json().getJsonObject("data")
                .getJsonArray("openid").getValuesAs(JsonString.class).get(0).getString();
        JsonObject before = victim.owner().get("cgi-bin/user/info?access_token=" + victimToken + "&openid=" + openid).json();

        App intruder = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String token = intruder.token();
        Api api = intruder.owner();
        int tagId = api.post("cgi-bin/tags/create?access_token=" + token, Json.createObjectBuilder()
                .add("tag", Json.createObjectBuilder().add("name", "intruders")).build()).json().getJsonObject("tag").getInt("id");
        JsonObject openidList = Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(openid)).build();

        Map<String, Reply> calls = Map.of(
                "user/info", api.get("cgi-bin/user/info?access_token=" + token + "&openid=" + openid),
                "user/get next_openid", api.get("cgi-bin/user/get?access_token=" + token + "&next_openid=" + openid),
                "user/info/batchget", api.post("cgi-bin/user/info/batchget?access_token=" + token, Json.createObjectBuilder()
                        .add("user_list", Json.createArrayBuilder().add(Json.createObjectBuilder().add("openid", openid))).build()),
                "user/info/updateremark", api.post("cgi-bin/user/info/updateremark?access_token=" + token,
                        Json.createObjectBuilder().add("openid", openid).add("remark", "stolen").build()),
                "tags/members/batchtagging", api.post("cgi-bin/tags/members/batchtagging?access_token=" + token,
                        Json.createObjectBuilder(openidList).add("tagid", tagId).build()),
                "tags/members/batchuntagging", api.post("cgi-bin/tags/members/batchuntagging?access_token=" + token,
                        Json.createObjectBuilder(openidList).add("tagid", tagId).build()),
                "tags/getidlist", api.post("cgi-bin/tags/getidlist?access_token=" + token,
                        Json.createObjectBuilder().add("openid", openid).build()),
                "user/tag/get next_openid", api.post("cgi-bin/user/tag/get?access_token=" + token,
                        Json.createObjectBuilder().add("tagid", tagId).add("next_openid", openid).build()),
                "tags/members/batchblacklist", api.post("cgi-bin/tags/members/batchblacklist?access_token=" + token, openidList),
                "tags/members/batchunblacklist", api.post("cgi-bin/tags/members/batchunblacklist?access_token=" + token,
                        openidList));
        Map<String, Reply> more = Map.of(
                "tags/members/getblacklist begin_openid", api.post("cgi-bin/tags/members/getblacklist?access_token=" + token,
                        Json.createObjectBuilder().add("begin_openid", openid).build()));
        for (Map<String, Reply> group : List.of(calls, more)) {
            group.forEach((endpoint, reply) -> {
                assertEquals(200, reply.status(), endpoint);
                assertEquals(40003, reply.errcode(), endpoint + ": " + reply.text());
                assertFalse(reply.text().contains(before.getString("unionid")), endpoint + " leaked a unionid");
            });
        }

        JsonObject after = victim.owner().get("cgi-bin/user/info?access_token=" + victimToken + "&openid=" + openid).json();
        assertEquals(before, after, "nothing of the victim's follower changed");
        assertEquals(0, victim.owner().post("cgi-bin/tags/members/getblacklist?access_token=" + victimToken, "{}",
                "application/json").json().getInt("total"));
        JsonObject intruderList = api.get("cgi-bin/user/get?access_token=" + token).json();
        assertEquals(0, intruderList.getInt("total"));
        assertFalse(intruderList.containsKey("data"));
    }
}
