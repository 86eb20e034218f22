package org.oaplatform.followers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A person as one official account knows them: the openid, whether they follow now, since when and how. The row
 * outlives an unfollow, so a person who comes back keeps the openid (and remark) they had.
 */
@Entity
@Table(name = "follower")
@NamedQueries({
    @NamedQuery(name = Follower.BY_OPENID, query = "SELECT f FROM Follower f WHERE f.openid = :openid"),
    @NamedQuery(name = Follower.OF_PERSON_AND_ACCOUNT,
            query = "SELECT f FROM Follower f WHERE f.personId = :personId AND f.accountId = :accountId"),
    @NamedQuery(name = Follower.FOLLOWED_BY,
            query = "SELECT f FROM Follower f WHERE f.personId = :personId AND f.subscribed = TRUE ORDER BY f.subscribeTime DESC"),
    @NamedQuery(name = Follower.BLACKLIST_PAGE, query = "SELECT f.id, f.openid FROM Follower f"
            + " WHERE f.accountId = :accountId AND f.blacklistedAt IS NOT NULL AND f.id > :afterId ORDER BY f.id"),
    @NamedQuery(name = Follower.BLACKLIST_COUNT,
            query = "SELECT COUNT(f) FROM Follower f WHERE f.accountId = :accountId AND f.blacklistedAt IS NOT NULL"),
    @NamedQuery(name = Follower.PAGE, query = "SELECT f.id, f.openid FROM Follower f WHERE f.accountId = :accountId"
            + " AND f.subscribed = TRUE AND f.id > :afterId ORDER BY f.id")
})
public class Follower {

    public static final String BY_OPENID = "Follower.byOpenid";
    public static final String OF_PERSON_AND_ACCOUNT = "Follower.ofPersonAndAccount";
    public static final String FOLLOWED_BY = "Follower.followedBy";
    public static final String PAGE = "Follower.page";
    public static final String BLACKLIST_PAGE = "Follower.blacklistPage";
    public static final String BLACKLIST_COUNT = "Follower.blacklistCount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(nullable = false, unique = true, length = 28)
    private String openid;

    @Column(nullable = false)
    private boolean subscribed;

    @Column(name = "subscribe_time")
    private Instant subscribeTime;

    @Column(name = "unsubscribe_time")
    private Instant unsubscribeTime;

    @Enumerated(EnumType.STRING)
    @Column(name = "subscribe_scene", length = 40)
    private SubscribeScene subscribeScene;

    @Column(name = "qr_scene")
    private Long qrScene;

    @Column(name = "qr_scene_str", length = 64)
    private String qrSceneStr;

    @Column(length = 30)
    private String remark;

    @Column(name = "blacklisted_at")
    private Instant blacklistedAt;

    /**
     * A copy of the person's unionid towards the account's owner ({@code UnionIdentity}, the source), kept on the row
     * so that {@code user/info} reads it with the follower. It never changes: an account's owner never does.
     */
    @Column(length = 28)
    private String unionid;

    @Version
    private long version;

    protected Follower() {
    }

    public Follower(long accountId, long personId, String openid) {
        this.accountId = accountId;
        this.personId = personId;
        this.openid = openid;
    }

    /**
     * Starts (or restarts) following.
     *
     * @return false when the person already follows: nothing changes then
     */
    public boolean subscribe(Instant now, SubscribeScene scene, Long sceneId, String sceneStr) {
        if (subscribed) {
            return false;
        }
        subscribed = true;
        subscribeTime = now;
        subscribeScene = scene;
        qrScene = sceneId;
        qrSceneStr = sceneStr;
        return true;
    }

    /** @return false when the person did not follow */
    public boolean unsubscribe(Instant now) {
        if (!subscribed) {
            return false;
        }
        subscribed = false;
        unsubscribeTime = now;
        return true;
    }

    public void blacklist(Instant now) {
        if (blacklistedAt == null) {
            blacklistedAt = now;
        }
    }

    public void unblacklist() {
        blacklistedAt = null;
    }

    public void remark(String newRemark) {
        remark = newRemark;
    }

    /** The unionid as {@code UnionIdentity} holds it; {@code null} until the follower first followed. */
    public String unionid() {
        return unionid;
    }

    public void unionid(String ownersUnionid) {
        unionid = ownersUnionid;
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public long personId() {
        return personId;
    }

    public String openid() {
        return openid;
    }

    public boolean subscribed() {
        return subscribed;
    }

    public Instant subscribeTime() {
        return subscribeTime;
    }

    public SubscribeScene subscribeScene() {
        return subscribeScene;
    }

    public Long qrScene() {
        return qrScene;
    }

    public String qrSceneStr() {
        return qrSceneStr;
    }

    public String remark() {
        return remark;
    }

    public boolean blacklisted() {
        return blacklistedAt != null;
    }
}
