package org.oaplatform.followers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.followers.boundary.FollowerBrowsing;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.boundary.QrCodes;
import org.oaplatform.followers.boundary.Tags;
import org.oaplatform.followers.entity.SubscribeScene;
import org.oaplatform.followers.entity.Tag;
import org.oaplatform.officialaccounts.boundary.AccountRegistration;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.EntityType;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.RequestContext;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;

/**
 * The portal's entry points of the followers component take a person and an appid and check membership themselves
 * (the {@code /cgi-bin} ones take an {@code AccountId} that only an admitted token makes). A signed-in person who is
 * no member of the account gets "no such account" from each of them, and nothing of the account changes.
 */
@ExtendWith(ArquillianExtension.class)
class PortalTenantIsolationIT {

    /** In the container, with the test data helpers (the clock is not moved). */
    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithMovableClock();
    }

    @Inject
    RequestContext request;

    @Inject
    People people;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Followers followers;

    @Inject
    FollowerBrowsing browsing;

    @Inject
    Tags tags;

    @Inject
    QrCodes qrCodes;

    @BeforeEach
    void actFromAnAddressOfOurOwn() {
        request.begin("portal-tenant-isolation-test", TestData.clientAddress());
    }

    @Test
    void aPersonWhoIsNoMemberGetsNotFoundFromEveryPortalEntryPointAndChangesNothing() {
        long owner = person("Owner");
        String appId = accounts.register(owner, new AccountRegistration(TestData.accountName("Iso"), AccountType.SERVICE,
                AccountRegion.CN, EntityType.COMPANY, "test account", "Test Co., Ltd.",
                "91310000" + TestData.digits(10), "Zhang San")).account().appId();
        String openid = followers.follow(person("Fan"), appId, SubscribeScene.ADD_SCENE_SEARCH, null, null, null)
                .follower().openid();
        int tagId = tags.create(owner, appId, "vip").tagId();
        long intruder = person("Intruder");

        Map<String, Executable> entryPoints = new LinkedHashMap<>();
        entryPoints.put("tags.list", () -> tags.list(intruder, appId));
        entryPoints.put("tags.definitions", () -> tags.definitions(intruder, appId));
        entryPoints.put("tags.create", () -> tags.create(intruder, appId, "stolen"));
        entryPoints.put("tags.rename", () -> tags.rename(intruder, appId, tagId, "stolen"));
        entryPoints.put("tags.delete", () -> tags.delete(intruder, appId, tagId));
        entryPoints.put("tags.tag", () -> tags.tag(intruder, appId, tagId, List.of(openid)));
        entryPoints.put("tags.untag", () -> tags.untag(intruder, appId, tagId, List.of(openid)));
        entryPoints.put("tags.blacklist", () -> tags.blacklist(intruder, appId, List.of(openid)));
        entryPoints.put("tags.unblacklist", () -> tags.unblacklist(intruder, appId, List.of(openid)));
        entryPoints.put("followers.browse", () -> browsing.browse(intruder, appId, "", 0, 10));
        entryPoints.put("followers.remark", () -> followers.remark(intruder, appId, openid, "stolen"));
        entryPoints.put("qrCodes.create", () -> qrCodes.create(intruder, appId, false, 1L, null, 60L));
        entryPoints.put("qrCodes.list", () -> qrCodes.list(intruder, appId, null, 10));
        entryPoints.forEach((name, call) -> assertEquals(PlatformError.NOT_FOUND,
                assertThrows(BusinessException.class, call, name).code(), name));

        assertEquals(List.of("vip"), tags.list(owner, appId).stream().map(c -> c.tag().name())
                .filter(name -> !name.equals(Tag.STARRED_NAME)).toList());
        FollowerBrowsing.Row fan = browsing.browse(owner, appId, "", 0, 10).rows().get(0);
        assertEquals(openid, fan.openid());
        assertEquals(null, fan.remark());
        assertEquals(false, fan.blacklisted());
        assertEquals(List.of(), fan.tagIds());
        assertTrue(qrCodes.list(owner, appId, null, 10).codes().isEmpty());
    }

    private long person(String name) {
        return people.create(TestData.cnPhone(), TestData.PASSWORD, name).id();
    }
}
