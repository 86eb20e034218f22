package org.oaplatform.followers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** The unionid of a person towards one owner: the same for every account that owner has. */
@Entity
@Table(name = "union_identity")
@NamedQuery(name = UnionIdentity.OF, query = "SELECT u FROM UnionIdentity u WHERE u.ownerPersonId = :owner AND u.personId = :person")
public class UnionIdentity {

    public static final String OF = "UnionIdentity.of";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_person_id", nullable = false)
    private long ownerPersonId;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(nullable = false, unique = true, length = 28)
    private String unionid;

    protected UnionIdentity() {
    }

    public UnionIdentity(long ownerPersonId, long personId, String unionid) {
        this.ownerPersonId = ownerPersonId;
        this.personId = personId;
        this.unionid = unionid;
    }

    public String unionid() {
        return unionid;
    }
}
