package org.oaplatform.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bank card linked to a wallet. The number itself is never stored (PCI DSS 3.5.1): the bank's token stands for
 * it, its fingerprint recognises the same card linked again, and the last four digits let people tell cards apart.
 */
@Entity
@Table(name = "bank_card")
@NamedQuery(name = BankCard.ACTIVE_OF_PERSON, query = "SELECT c FROM BankCard c WHERE c.personId = :person"
        + " AND c.removedAt IS NULL ORDER BY c.id")
@NamedQuery(name = BankCard.BY_PUBLIC_ID, query = "SELECT c FROM BankCard c WHERE c.publicId = :publicId")
@NamedQuery(name = BankCard.BY_IDS, query = "SELECT c FROM BankCard c WHERE c.id IN :ids")
public class BankCard {

    /** Starts every public id of a {@code BankCard}: the kind of a reference is readable from it. */
    public static final String ID_PREFIX = "card_";

    public static final String ACTIVE_OF_PERSON = "BankCard.activeOfPerson";
    public static final String BY_PUBLIC_ID = "BankCard.byPublicId";
    public static final String BY_IDS = "BankCard.byIds";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 21)
    private String publicId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(nullable = false, updatable = false, length = 100)
    private String token;

    @Column(nullable = false, updatable = false, length = 100)
    private String fingerprint;

    @Column(name = "bank_name", nullable = false, updatable = false, length = 100)
    private String bankName;

    @Column(name = "card_type", nullable = false, updatable = false, length = 10)
    private String cardType;

    @Column(name = "last_four", nullable = false, updatable = false, length = 4)
    private String lastFour;

    @Column(name = "linked_at", nullable = false, updatable = false)
    private Instant linkedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    protected BankCard() {
    }

    public BankCard(String publicId, long personId, String token, String fingerprint, String bankName,
            String cardType, String lastFour, Instant linkedAt) {
        this.publicId = publicId;
        this.personId = personId;
        this.token = token;
        this.fingerprint = fingerprint;
        this.bankName = bankName;
        this.cardType = cardType;
        this.lastFour = lastFour;
        this.linkedAt = linkedAt;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public long personId() {
        return personId;
    }

    public String token() {
        return token;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String bankName() {
        return bankName;
    }

    public String cardType() {
        return cardType;
    }

    public String lastFour() {
        return lastFour;
    }

    public Instant linkedAt() {
        return linkedAt;
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public void remove(Instant now) {
        removedAt = now;
    }

    /** How people see the card: bank and last four digits. */
    public String label() {
        return bankName + " ••••" + lastFour;
    }
}
