package org.oaplatform.followers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.followers.boundary.FollowerSubscribed;
import org.oaplatform.followers.boundary.FollowerUnsubscribed;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.entity.SubscribeScene;
import org.oaplatform.officialaccounts.boundary.AccountRegistration;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.EntityType;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;

/**
 * The follow events reach transactional observers after commit only: the contract the webhook component (which
 * turns them into subscribe/unsubscribe pushes) relies on.
 */
@ExtendWith(ArquillianExtension.class)
class FollowerEventsIT {

    /** Observes like the webhook component will: after a successful commit. */
    @ApplicationScoped
    public static class Recorder {
        private final List<Object> delivered = new CopyOnWriteArrayList<>();

        /** Read through a method: the test holds a client proxy, whose own fields are not the bean's. */
        List<Object> delivered() {
            return delivered;
        }

        void subscribed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FollowerSubscribed event) {
            delivered.add(event);
        }

        void unsubscribed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FollowerUnsubscribed event) {
            delivered.add(event);
        }
    }

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClasses(Recorder.class, TestData.class, TestData.App.class, Api.class, Api.Reply.class);
    }

    @Inject
    Recorder recorder;

    @Inject
    Followers followers;

    @Inject
    People people;

    @Inject
    OfficialAccounts accounts;

    @Inject
    UserTransaction transaction;

    @Test
    void eventsArriveOnCommitAndNeverForARolledBackFollow() throws Exception {
        Person owner = people.create(TestData.cnPhone(), TestData.PASSWORD, "Owner");
        String appId = accounts.register(owner.id(), new AccountRegistration(TestData.accountName("Events"),
                AccountType.SUBSCRIPTION, AccountRegion.CN, EntityType.INDIVIDUAL, null, null, null, null))
                .account().appId();
        Person fan = people.create(TestData.cnPhone(), TestData.PASSWORD, "Fan");

        transaction.begin();
        followers.follow(fan.id(), appId, SubscribeScene.ADD_SCENE_SEARCH, null, null, null);
        assertTrue(recorder.delivered().isEmpty(), "nothing is pushed before the follow commits");
        transaction.rollback();
        assertTrue(recorder.delivered().isEmpty(), "a rolled-back follow is never pushed");

        followers.follow(fan.id(), appId, SubscribeScene.ADD_SCENE_SEARCH, null, null, null);
        assertEquals(1, recorder.delivered().size());
        FollowerSubscribed subscribed = (FollowerSubscribed) recorder.delivered().get(0);
        assertEquals(appId, subscribed.appId());
        assertEquals(SubscribeScene.ADD_SCENE_SEARCH, subscribed.scene());

        followers.follow(fan.id(), appId, SubscribeScene.ADD_SCENE_SEARCH, null, null, null);
        assertEquals(1, recorder.delivered().size(), "following again is no new event");

        followers.unfollow(fan.id(), appId);
        assertEquals(2, recorder.delivered().size());
        assertEquals(subscribed.openid(), ((FollowerUnsubscribed) recorder.delivered().get(1)).openid());
    }
}
