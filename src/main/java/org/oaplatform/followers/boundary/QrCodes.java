package org.oaplatform.followers.boundary;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.oaplatform.followers.control.FollowerError;
import org.oaplatform.followers.control.QrCodeRules;
import org.oaplatform.followers.entity.QrCode;
import org.oaplatform.followers.entity.QrScan;
import org.oaplatform.followers.entity.QrScanOutcome;
import org.oaplatform.followers.entity.SubscribeScene;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.Settings;

/**
 * Parametric QR codes: accounts create them ({@code qrcode/create}), anybody may fetch their picture by ticket, and a
 * person who scans one follows the account ({@code ADD_SCENE_QR_CODE} with the code's scene) or, already following,
 * makes a {@code SCAN}. Every scan is recorded.
 */
@Stateless
public class QrCodes {

    /** WeChat's tickets start so; ours are URL-safe behind it, since SDKs do not always encode them. */
    private static final String TICKET_PREFIX = "gQ";
    private static final int TICKET_RANDOM_BYTES = 24;
    /** What {@link #ticket()} makes: the prefix and 24 random bytes in URL-safe Base64. */
    static final Pattern TICKET = Pattern.compile(TICKET_PREFIX + "[A-Za-z0-9_-]{32}");

    /** The largest page {@link #list} answers. */
    public static final int MAX_LIST_PAGE = 100;

    /** What a scan did, with the account and code it concerned. */
    public record Scanned(OfficialAccount account, QrCode code, QrScanOutcome outcome) {
    }

    /** A code as the portal lists it: what its picture encodes, its scans, and how many of them started a follow. */
    public record Listed(QrCode code, String url, boolean expired, long scans, long follows) {
    }

    /** One page of {@link #list}, newest first, and the code id to continue before ({@code null} on the last page). */
    public record Codes(List<Listed> codes, Long nextBefore) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    Settings settings;

    @Inject
    Followers followers;

    @Inject
    Event<QrCodeScanned> scanned;

    @Inject
    OfficialAccounts accounts;

    @Resource
    SessionContext self;

    /**
     * For the portal: {@link #create(AccountId, QrCodeRules.Request)} from a form ({@link QrCodeRules#of}: the same rules
     * as {@code qrcode/create}) by a member of the account (any role; others get {@code NOT_FOUND}), under the
     * capability policy of {@code qrcode/create} (48001 unless a verified service account). Not counted against the
     * API's daily quota: that quota is the developer API's.
     * <p>
     * No transaction of its own: the checks run in theirs and the creation in a new one, where the account lock stays
     * the first statement, as the creation of permanent codes needs (a read before it would fix the transaction's
     * snapshot too early, and a concurrent creation of the same scene would then fail on the unique key).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public QrCode create(long personId, String appId, boolean permanent, Long sceneId, String sceneStr,
            Long expireSeconds) {
        OfficialAccount account = accounts.requireMember(personId, appId).account();
        accounts.requireCapability(account, Capability.QR_CODES);
        QrCodeRules.Request request = QrCodeRules.of(permanent, sceneId, sceneStr, expireSeconds);
        return self.getBusinessObject(QrCodes.class).create(account.accountId(), request);
    }

    /**
     * For the portal: the account's codes, newest first, {@code pageSize} at a time before the code id
     * {@code beforeId} ({@code null} for the first page), with their scans counted by outcome. Members only.
     */
    public Codes list(long personId, String appId, Long beforeId, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_LIST_PAGE) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED,
                    "a page has 1 to " + MAX_LIST_PAGE + " QR codes");
        }
        long accountId = accounts.requireMember(personId, appId).account().id();
        List<QrCode> found = em.createNamedQuery(QrCode.OF_ACCOUNT_BEFORE, QrCode.class)
                .setParameter("accountId", accountId)
                .setParameter("beforeId", beforeId == null ? Long.MAX_VALUE : beforeId)
                .setMaxResults(pageSize + 1).getResultList();
        List<QrCode> page = found.stream().limit(pageSize).toList();
        Map<Long, long[]> counts = new HashMap<>();
        if (!page.isEmpty()) {
            em.createNamedQuery(QrScan.COUNT_BY_CODE_AND_OUTCOME, Object[].class)
                    .setParameter("codes", page.stream().map(QrCode::id).toList()).getResultStream()
                    .forEach(r -> {
                        long[] scansAndFollows = counts.computeIfAbsent((Long) r[0], id -> new long[2]);
                        long n = ((Number) r[2]).longValue();
                        scansAndFollows[0] += n;
                        if (QrScanOutcome.SUBSCRIBE.equals(r[1])) {
                            scansAndFollows[1] += n;
                        }
                    });
        }
        Instant now = clock.instant();
        List<Listed> codes = page.stream().map(c -> {
            long[] n = counts.getOrDefault(c.id(), new long[2]);
            return new Listed(c, urlOf(c), c.isExpiredAt(now), n[0], n[1]);
        }).toList();
        return new Codes(codes, found.size() > pageSize ? page.get(page.size() - 1).id() : null);
    }

    /**
     * A new temporary code, or the account's permanent code of the scene: made on first request, the same ticket on
     * every later one.
     */
    public QrCode create(AccountId account, QrCodeRules.Request request) {
        long accountId = account.value();
        Instant now = clock.instant();
        if (!request.action().permanent()) {
            QrCode code = QrCode.temporary(accountId, ticket(), request.action(), request.sceneId(),
                    request.sceneStr(), now, request.expiresAt(now));
            em.persist(code);
            return code;
        }
        // One creator of permanent codes per account at a time, so that the cap is counted exactly and a concurrent
        // request for the same scene waits, then finds this one rather than failing on the unique key. The lock is
        // this transaction's first statement: the reads after it see what the previous holder committed.
        em.find(OfficialAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        String scene = QrCode.permanentSceneKey(request.sceneId(), request.sceneStr());
        Optional<QrCode> existing = em.createNamedQuery(QrCode.PERMANENT_OF_SCENE, QrCode.class)
                .setParameter("accountId", accountId).setParameter("scene", scene).getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        QrCodeRules.checkRoomForPermanent(em.createNamedQuery(QrCode.COUNT_PERMANENT, Long.class)
                .setParameter("accountId", accountId).getSingleResult());
        QrCode code = QrCode.permanent(accountId, ticket(), request.action(), request.sceneId(), request.sceneStr(),
                now);
        em.persist(code);
        return code;
    }

    /**
     * The code of a ticket, if it still works.
     *
     * @throws BusinessException {@code qr-code-unknown} (404) or {@code qr-code-expired} (410); 40097 on
     *         {@code /cgi-bin}
     */
    public QrCode live(String ticket) {
        QrCode code = Optional.ofNullable(ticket).map(String::strip).filter(t -> Ids.matches(TICKET, t))
                .flatMap(t -> em.createNamedQuery(QrCode.BY_TICKET, QrCode.class).setParameter("ticket", t)
                        .getResultStream().findFirst())
                .orElseThrow(() -> new BusinessException(FollowerError.QR_CODE_UNKNOWN,
                        "invalid ticket: no such QR code"));
        if (code.isExpiredAt(clock.instant())) {
            throw new BusinessException(FollowerError.QR_CODE_EXPIRED, "this QR code expired at " + code.expiresAt());
        }
        return code;
    }

    /** What the code's picture encodes: {@code <oa.public-url>/q/<ticket>}. */
    public String urlOf(QrCode code) {
        return settings.publicUrl() + QrCodeRules.URL_PATH + code.ticket();
    }

    /**
     * A person scanned {@code content}: a code's URL or bare ticket. A person who does not follow the account follows
     * it now (and {@link FollowerSubscribed} carries the scene); a follower's scan fires {@link QrCodeScanned}.
     */
    public Scanned scan(long personId, String content) {
        String ticket = QrCodeRules.ticketIn(content).orElseThrow(() -> new BusinessException(
                FollowerError.QR_CODE_UNKNOWN, "this is not the QR code of an official account"));
        QrCode code = live(ticket);
        OfficialAccount account = em.find(OfficialAccount.class, code.accountId());
        // follow() refuses accounts the person may not see, and changes nothing for a follower.
        Followers.Followed followed = followers.follow(personId, account.appId(), SubscribeScene.ADD_SCENE_QR_CODE,
                code.sceneId(), code.sceneStr(), code.ticket());
        Instant now = clock.instant();
        QrScanOutcome outcome = followed.started() ? QrScanOutcome.SUBSCRIBE : QrScanOutcome.SCAN;
        em.persist(new QrScan(code, personId, now, outcome));
        if (outcome == QrScanOutcome.SCAN) {
            scanned.fire(new QrCodeScanned(account.id(), account.appId(), followed.follower().openid(),
                    code.sceneId(), code.sceneStr(), code.ticket(), now));
        }
        return new Scanned(account, code, outcome);
    }

    private String ticket() {
        return TICKET_PREFIX + ids.token(TICKET_RANDOM_BYTES);
    }
}
