package org.oaplatform.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.payments.boundary.Ledger;
import org.oaplatform.payments.boundary.PlatformAccounts;
import org.oaplatform.payments.boundary.Wallets;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.PostingLeg;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;

/** Postings and their legs get time-ordered ids from the application, not AUTO_INCREMENT (V12). */
@ExtendWith(ArquillianExtension.class)
class LedgerIdsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClasses(Deployments.class, TestData.class, TestData.App.class, Api.class,
                Api.Reply.class);
    }

    @Inject
    Ledger ledger;

    @Inject
    Wallets wallets;

    @Inject
    PlatformAccounts platform;

    @Inject
    People people;

    @Inject
    UserTransaction transaction;

    @Test
    void aPostingAndItsLegsGetTimeOrderedIdsInTheOrderTheyWereMade() throws Exception {
        long personId = people.create(TestData.cnPhone(), TestData.PASSWORD, "Ids").id();
        Instant before = Instant.now().minusMillis(1);
        transaction.begin();
        try {
            long wallet = wallets.open(personId).accountId();
            long bank = platform.of(AccountKind.BANK_SETTLEMENT, wallet);
            Posting posting = ledger.post(PostingKind.TOP_UP, "ids-test", Ledger.leg(bank, -100), Ledger.leg(wallet, 100));

            Instant made = TimeOrderedIds.timestampOf(posting.id());
            assertTrue(!made.isBefore(before) && made.isBefore(Instant.now().plus(Duration.ofSeconds(1))),
                    "posting id " + posting.id() + " carries " + made);
            List<PostingLeg> legs = posting.legs();
            assertEquals(2, legs.size());
            assertTrue(legs.get(0).id() > posting.id() && legs.get(1).id() > legs.get(0).id(),
                    "legs " + legs.get(0).id() + ", " + legs.get(1).id() + " after posting " + posting.id());
        } finally {
            // The ledger keeps nothing of this test: no money was really topped up.
            transaction.rollback();
        }
    }
}
