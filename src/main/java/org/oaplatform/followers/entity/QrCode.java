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
import java.time.Instant;
import java.util.Objects;

/**
 * A parametric QR code of an official account (spec §8.1): a ticket that stands for the account and one scene. A
 * temporary code stops working at its expiry; a permanent one never does and exists once per account and scene, so
 * that creating it again hands out the same ticket, as WeChat does.
 */
@Entity
@Table(name = "qr_code")
@NamedQueries({
    @NamedQuery(name = QrCode.BY_TICKET, query = "SELECT q FROM QrCode q WHERE q.ticket = :ticket"),
    @NamedQuery(name = QrCode.PERMANENT_OF_SCENE,
            query = "SELECT q FROM QrCode q WHERE q.accountId = :accountId AND q.permanentScene = :scene"),
    @NamedQuery(name = QrCode.COUNT_PERMANENT,
            query = "SELECT COUNT(q) FROM QrCode q WHERE q.accountId = :accountId AND q.permanentScene IS NOT NULL"),
    @NamedQuery(name = QrCode.OF_ACCOUNT_BEFORE,
            query = "SELECT q FROM QrCode q WHERE q.accountId = :accountId AND q.id < :beforeId ORDER BY q.id DESC")
})
public class QrCode {

    public static final String BY_TICKET = "QrCode.byTicket";
    public static final String PERMANENT_OF_SCENE = "QrCode.permanentOfScene";
    public static final String COUNT_PERMANENT = "QrCode.countPermanent";
    public static final String OF_ACCOUNT_BEFORE = "QrCode.ofAccountBefore";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false, unique = true, length = 64)
    private String ticket;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_name", nullable = false, length = 20)
    private QrAction action;

    @Column(name = "scene_id")
    private Long sceneId;

    @Column(name = "scene_str", length = 64)
    private String sceneStr;

    @Column(nullable = false)
    private boolean permanent;

    /** The key of the one-per-account-and-scene rule; {@code null} for temporary codes. */
    @Column(name = "permanent_scene", length = 72)
    private String permanentScene;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected QrCode() {
    }

    private QrCode(long accountId, String ticket, QrAction action, Long sceneId, String sceneStr, Instant createdAt,
            Instant expiresAt) {
        if ((sceneId == null) == (sceneStr == null) || action.stringScene() != (sceneStr != null)) {
            throw new IllegalArgumentException(action + " needs exactly its own kind of scene");
        }
        this.accountId = accountId;
        this.ticket = Objects.requireNonNull(ticket);
        this.action = action;
        this.sceneId = sceneId;
        this.sceneStr = sceneStr;
        this.permanent = action.permanent();
        this.permanentScene = permanent ? permanentSceneKey(sceneId, sceneStr) : null;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public static QrCode temporary(long accountId, String ticket, QrAction action, Long sceneId, String sceneStr,
            Instant createdAt, Instant expiresAt) {
        if (action.permanent() || !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a temporary code needs a temporary action and a later expiry");
        }
        return new QrCode(accountId, ticket, action, sceneId, sceneStr, createdAt, expiresAt);
    }

    public static QrCode permanent(long accountId, String ticket, QrAction action, Long sceneId, String sceneStr,
            Instant createdAt) {
        if (!action.permanent()) {
            throw new IllegalArgumentException(action + " is not a permanent action");
        }
        return new QrCode(accountId, ticket, action, sceneId, sceneStr, createdAt, null);
    }

    /**
     * The unique key of a permanent scene within its account. Integer and string scenes never share a key: the
     * permanent code of {@code scene_id} 5 and the one of {@code scene_str} "5" are two codes, as on WeChat.
     */
    public static String permanentSceneKey(Long sceneId, String sceneStr) {
        return sceneStr != null ? "str:" + sceneStr : "id:" + Objects.requireNonNull(sceneId);
    }

    /** A temporary code is expired from its expiry instant on; a permanent one never. */
    public boolean isExpiredAt(Instant now) {
        return !permanent && !now.isBefore(expiresAt);
    }

    /**
     * The scene as WeChat's {@code SCAN} event carries it in {@code EventKey} (the {@code subscribe} event prefixes
     * it with {@code qrscene_}): the scene string, or the scene id in decimal.
     */
    public String sceneValue() {
        return sceneStr != null ? sceneStr : Long.toString(sceneId);
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String ticket() {
        return ticket;
    }

    public QrAction action() {
        return action;
    }

    public Long sceneId() {
        return sceneId;
    }

    public String sceneStr() {
        return sceneStr;
    }

    public boolean permanent() {
        return permanent;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
