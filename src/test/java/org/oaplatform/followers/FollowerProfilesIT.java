package org.oaplatform.followers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;

/**
 * {@code user/info} reads the unionid from the follower's row (V28); a row that does not carry it (followed before
 * rows did) gets it on its first read, the same unionid the person has towards the owner.
 */
@ExtendWith(ArquillianExtension.class)
class FollowerProfilesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithMovableClock(); // with the test data helpers, for use inside the server
    }

    @ArquillianResource
    URL base;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Test
    void aFollowerRowWithoutItsUnionidGetsTheOwnersOneOnItsFirstRead() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                .build()).status());
        String token = app.token();
        String openid = app.owner().get("cgi-bin/user/get?access_token=" + token + "&next_openid=").json()
                .getJsonObject("data").getJsonArray("openid").getString(0);
        String unionid = info(app, token, openid).getString("unionid");
        assertNotNull(unionid);
        assertEquals(unionid, rowUnionid(openid), "following copied the unionid onto the row");

        transaction.begin();
        em.createNativeQuery("UPDATE follower SET unionid = NULL WHERE openid = ?").setParameter(1, openid)
                .executeUpdate();
        transaction.commit();

        assertEquals(unionid, info(app, token, openid).getString("unionid"));
        assertEquals(unionid, rowUnionid(openid), "the read put it back on the row");
    }

    private static JsonObject info(App app, String token, String openid) {
        Api.Reply reply = app.owner().get("cgi-bin/user/info?access_token=" + token + "&openid=" + openid);
        assertEquals(0, reply.errcode(), reply.text());
        return reply.json();
    }

    private String rowUnionid(String openid) {
        return (String) em.createNativeQuery("SELECT unionid FROM follower WHERE openid = ?").setParameter(1, openid)
                .getSingleResult();
    }
}
