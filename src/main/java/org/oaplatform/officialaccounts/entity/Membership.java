package org.oaplatform.officialaccounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's role in an official account. Persons are referenced by id: they belong to another component. */
@Entity
@Table(name = "official_account_member")
@NamedQueries({
    @NamedQuery(name = Membership.OF_PERSON,
            query = "SELECT m FROM Membership m JOIN FETCH m.account WHERE m.personId = :personId ORDER BY m.account.name"),
    @NamedQuery(name = Membership.OF_ACCOUNT,
            query = "SELECT m FROM Membership m WHERE m.account = :account ORDER BY m.id"),
    @NamedQuery(name = Membership.ROLE,
            query = "SELECT m FROM Membership m WHERE m.account = :account AND m.personId = :personId")
})
public class Membership {

    public static final String OF_PERSON = "Membership.ofPerson";
    public static final String OF_ACCOUNT = "Membership.ofAccount";
    public static final String ROLE = "Membership.role";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private OfficialAccount account;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MemberRole role;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected Membership() {
    }

    public Membership(OfficialAccount account, long personId, MemberRole role, Instant addedAt) {
        this.account = account;
        this.personId = personId;
        this.role = role;
        this.addedAt = addedAt;
    }

    public OfficialAccount account() {
        return account;
    }

    public long personId() {
        return personId;
    }

    public MemberRole role() {
        return role;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
