package org.oaplatform.followers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.officialaccounts.boundary.AccountRegistration;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.boundary.Verifications;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.DocumentType;
import org.oaplatform.officialaccounts.entity.EntityType;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.Settings;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.wechatapi.boundary.AccessTokens;

/** {@code user/get} pages through more than 10 000 followers completely, in a stable order, each once. */
@ExtendWith(ArquillianExtension.class)
class FollowerPagingIT {

    static final int FOLLOWERS = 10_050;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClasses(Api.class, Api.Reply.class, TestData.class, TestData.App.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    People people;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Verifications verifications;

    @Inject
    AccessTokens tokens;

    @Inject
    Ids ids;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Test
    void pagesThroughAllFollowers() throws Exception {
        Person owner = people.create(TestData.cnPhone(), TestData.PASSWORD, "Big Owner");
        OfficialAccounts.Registered app = accounts.register(owner.id(), new AccountRegistration(
                TestData.accountName("Big"), AccountType.SERVICE, AccountRegion.CN, EntityType.COMPANY, null,
                "Big Co.", "91310000" + TestData.digits(10), "Zhao"));
        long adminId = people.byPhone(Settings.DEMO_ADMIN_PHONE).orElseThrow().id();
        var application = verifications.apply(owner.id(), app.account().appId(), List.of(new Verifications.Document(
                DocumentType.BUSINESS_LICENSE, "l.pdf", "application/pdf", "%PDF-1.4".getBytes())));
        verifications.approve(adminId, application.publicId(), null);
        Set<String> created = insertFollowers(app.account().id(), FOLLOWERS);

        String token = tokens.issue("client_credential", app.account().appId(), app.secret()).accessToken();
        Api api = new Api(base.toString(), TestData.clientAddress());
        Set<String> seen = new HashSet<>();
        String next = "";
        int pages = 0;
        while (true) {
            JsonObject page = api.get("cgi-bin/user/get?access_token=" + token + "&next_openid=" + next).json();
            assertEquals(FOLLOWERS, page.getInt("total"));
            int count = page.getInt("count");
            if (count == 0) {
                assertEquals("", page.getString("next_openid"));
                break;
            }
            JsonArray openids = page.getJsonObject("data").getJsonArray("openid");
            assertEquals(count, openids.size());
            openids.getValuesAs(jakarta.json.JsonString.class).forEach(s -> seen.add(s.getString()));
            next = page.getString("next_openid");
            assertEquals(openids.getString(count - 1), next);
            pages++;
        }
        assertEquals(2, pages);
        assertEquals(created, seen);
    }

    /** Bulk rows instead of 10 050 API calls; the follow flow itself is covered by FollowersApiIT. */
    private Set<String> insertFollowers(long accountId, int n) throws Exception {
        Set<String> openids = new HashSet<>();
        String prefix = "+86137" + TestData.digits(2);
        transaction.begin();
        for (int from = 0; from < n; from += 1000) {
            StringBuilder persons = new StringBuilder(
                    "INSERT INTO person (phone, region, password_hash, display_name, language, created_at) VALUES ");
            int to = Math.min(n, from + 1000);
            for (int i = from; i < to; i++) {
                persons.append(i == from ? "" : ",").append("('").append(prefix).append(String.format("%06d", i))
                        .append("','CN','x','Fan','en',UTC_TIMESTAMP(6))");
            }
            em.createNativeQuery(persons.toString()).executeUpdate();
        }
        List<?> personIds = em.createNativeQuery("SELECT id FROM person WHERE phone LIKE ? ORDER BY id")
                .setParameter(1, prefix + "%").getResultList();
        for (int from = 0; from < personIds.size(); from += 1000) {
            StringBuilder followers = new StringBuilder("INSERT INTO follower (account_id, person_id, openid, subscribed,"
                    + " subscribe_time, subscribe_scene) VALUES ");
            int to = Math.min(personIds.size(), from + 1000);
            for (int i = from; i < to; i++) {
                String openid = ids.openid();
                openids.add(openid);
                followers.append(i == from ? "" : ",").append('(').append(accountId).append(',')
                        .append(((Number) personIds.get(i)).longValue()).append(",'").append(openid)
                        .append("',TRUE,UTC_TIMESTAMP(6),'ADD_SCENE_SEARCH')");
            }
            em.createNativeQuery(followers.toString()).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO follower_count (account_id, subscribed) VALUES (?, ?)")
                .setParameter(1, accountId).setParameter(2, n).executeUpdate();
        transaction.commit();
        return openids;
    }
}
