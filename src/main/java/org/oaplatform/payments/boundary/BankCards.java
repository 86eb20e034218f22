package org.oaplatform.payments.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oaplatform.payments.control.BankGateway.LinkedCard;
import org.oaplatform.payments.control.BankGateway;
import org.oaplatform.payments.control.CardNumbers;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.control.WalletLimits;
import org.oaplatform.payments.entity.BankCard;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;

/**
 * Bank cards linked to wallets. The number is checked (Luhn) before the bank is asked, handed to the bank once and
 * then forgotten: only the bank's token, its fingerprint, the bank's name and the last four digits are kept.
 */
@Stateless
public class BankCards {

    public record CardView(String id, String bankName, String cardType, String lastFour, Instant linkedAt) {

        static CardView of(BankCard card) {
            return new CardView(card.publicId(), card.bankName(), card.cardType(), card.lastFour(), card.linkedAt());
        }
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    BankGateway bank;

    @Inject
    AuditLog audit;

    @Inject
    Event<BankCardRemoval> removal;

    /**
     * Links a card: the bank is asked outside any transaction (no connection or transaction waits on it), then the
     * card is kept in a transaction of its own. Without a bank nothing is checked or kept.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CardView link(long personId, String number) {
        bank.requireConfigured();
        String digits = CardNumbers.digitsOf(number).filter(CardNumbers::passesLuhn)
                .orElseThrow(() -> new BusinessException(PaymentError.CARD_NUMBER_INVALID,
                        "a card number has 13 to 19 digits and a valid check digit"));
        requireRoom(active(personId));
        LinkedCard linked = bank.link(digits);
        return context.getBusinessObject(BankCards.class).keep(personId, linked, CardNumbers.lastFour(digits));
    }

    /** Keeps a card the bank linked; the limit is checked again, as cards may have been linked meanwhile. */
    public CardView keep(long personId, LinkedCard linked, String lastFour) {
        List<BankCard> active = active(personId);
        requireRoom(active);
        if (active.stream().anyMatch(c -> c.fingerprint().equals(linked.fingerprint()))) {
            throw new BusinessException(PaymentError.CARD_ALREADY_LINKED);
        }
        BankCard card = new BankCard(ids.publicId(BankCard.ID_PREFIX), personId, linked.token(), linked.fingerprint(),
                linked.bankName(), linked.cardType().name(), lastFour, clock.instant());
        em.persist(card);
        audit.record("bank-card.linked", "person:" + personId, card.publicId() + " " + card.label());
        return CardView.of(card);
    }

    public List<CardView> list(long personId) {
        return active(personId).stream().map(CardView::of).toList();
    }

    public void remove(long personId, String cardId) {
        BankCard card = lockedActiveCard(personId, cardId);
        removal.fire(new BankCardRemoval(personId, card.id(), card.publicId()));
        card.remove(clock.instant());
        audit.record("bank-card.removed", "person:" + personId, card.publicId() + " " + card.label());
    }

    /** @throws BusinessException unless the card is this person's and still linked */
    public BankCard activeCard(long personId, String cardId) {
        return Optional.ofNullable(cardId).filter(id -> Ids.isPublicId(BankCard.ID_PREFIX, id))
                .flatMap(id -> em.createNamedQuery(BankCard.BY_PUBLIC_ID, BankCard.class).setParameter("publicId", id)
                        .getResultStream().filter(c -> c.personId() == personId && !c.isRemoved()).findFirst())
                .orElseThrow(() -> new BusinessException(PaymentError.CARD_UNKNOWN));
    }

    /**
     * The card, locked: whoever removes a card or starts paying to it (a merchant's settlement card) takes this lock
     * first, so that neither acts on a card the other has just changed.
     *
     * @throws BusinessException unless the card is this person's and still linked once locked
     */
    public BankCard lockedActiveCard(long personId, String cardId) {
        BankCard card = activeCard(personId, cardId);
        em.refresh(card, LockModeType.PESSIMISTIC_WRITE);
        if (card.isRemoved()) {
            throw new BusinessException(PaymentError.CARD_UNKNOWN);
        }
        return card;
    }

    private static void requireRoom(List<BankCard> active) {
        if (active.size() >= WalletLimits.MAX_CARDS) {
            throw new BusinessException(PaymentError.TOO_MANY_CARDS,
                    "at most " + WalletLimits.MAX_CARDS + " cards; remove one first");
        }
    }

    private List<BankCard> active(long personId) {
        return em.createNamedQuery(BankCard.ACTIVE_OF_PERSON, BankCard.class).setParameter("person", personId)
                .getResultList();
    }
}
