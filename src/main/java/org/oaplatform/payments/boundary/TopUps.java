package org.oaplatform.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.oaplatform.payments.control.BankGateway;
import org.oaplatform.payments.control.WalletLimits;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.BankCard;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.TopUp;
import org.oaplatform.payments.entity.Wallet;
import org.oaplatform.platform.control.Ids;

/**
 * Top-up from a linked card. The bank is charged inside the transaction that posts the money, so a refusal or a
 * timeout leaves nothing behind. (The sandbox bank answers in-process; a remote bank would need the charge recorded
 * as pending first and settled from its answer or a status query, see docs/payments.md.)
 */
@Stateless
public class TopUps {

    public record TopUpView(String id, String cardId, String card, long amount, long balance, Instant createdAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Ids ids;

    @Inject
    BankCards cards;

    @Inject
    BankGateway bank;

    @Inject
    Wallets wallets;

    @Inject
    PlatformAccounts platform;

    @Inject
    Ledger ledger;

    public TopUpView topUp(long personId, String cardId, Long amount) {
        long fen = WalletLimits.requireAmount(amount, WalletLimits.MAX_TOP_UP, "a top-up");
        BankCard card = cards.activeCard(personId, cardId);
        Wallet wallet = wallets.open(personId);
        String publicId = "top_" + ids.hex(8);
        bank.charge(card.token(), fen, publicId);
        Posting posting = ledger.post(PostingKind.TOP_UP, publicId,
                Ledger.leg(platform.of(AccountKind.BANK_SETTLEMENT, wallet.accountId()), -fen),
                Ledger.leg(wallet.accountId(), fen));
        TopUp topUp = new TopUp(publicId, personId, card.id(), fen, posting.id(), posting.postedAt());
        em.persist(topUp);
        long balance = posting.legs().stream().filter(l -> l.accountId() == wallet.accountId()).findFirst()
                .orElseThrow().balanceAfter();
        return new TopUpView(publicId, card.publicId(), card.label(), fen, balance, topUp.createdAt());
    }
}
