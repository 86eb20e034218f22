package org.oaplatform.merchants.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.oaplatform.merchants.control.MerchantError;
import org.oaplatform.merchants.control.PayError;
import org.oaplatform.merchants.control.PaySignature;
import org.oaplatform.merchants.control.PaySignature.SignType;
import org.oaplatform.merchants.control.UnifiedOrder;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.control.CapabilityPolicy;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.payments.boundary.BankCards;
import org.oaplatform.payments.boundary.Ledger;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.BankCard;
import org.oaplatform.payments.entity.LedgerAccount;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.Sealer;

/**
 * Becoming a merchant: the owner of a verified service account names one of their linked cards for settlement and
 * gets a {@code mch_id} and an API key, shown once. The key is sealed under {@code OA_SECRET_KEY} rather than hashed
 * because both sides sign with the key itself; resetting it replaces it at once.
 */
@Stateless
public class Merchants {

    public record Enrolled(String appid, String mchId, String apiKey, String settlementCardId, Instant createdAt) {
    }

    public record NewKey(String mchId, String apiKey, Instant setAt) {
    }

    public record MerchantView(String appid, String mchId, String settlementCardId, String settlementCard,
            long balance, Instant apiKeySetAt, Instant createdAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    Sealer sealer;

    @Inject
    OfficialAccounts accounts;

    @Inject
    BankCards cards;

    @Inject
    Ledger ledger;

    @Inject
    AuditLog audit;

    public Enrolled enrol(long personId, String appid, String settlementCardId) {
        OfficialAccount account = accounts.requireRole(personId, appid, MemberRole.OWNER).account();
        Instant now = clock.instant();
        if (!CapabilityPolicy.allows(account.type(), account.isVerifiedAt(now), account.region(),
                Capability.WECHAT_PAY)) {
            throw new BusinessException(MerchantError.MERCHANT_NOT_ELIGIBLE);
        }
        BankCard card = cards.activeCard(personId, settlementCardId);
        // The account row serialises two enrolments of one account: the second sees the first's merchant.
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        if (ofAccount(account.id()).isPresent()) {
            throw new BusinessException(MerchantError.MERCHANT_EXISTS);
        }
        String apiKey = ids.hex(16);
        Merchant merchant = new Merchant(freshMchId(), account.id(), personId, card.id(),
                ledger.open(AccountKind.MERCHANT), sealer.seal(apiKey), now);
        em.persist(merchant);
        em.flush();
        audit.record("merchant.enrolled", "app:" + appid, "mch_id " + merchant.mchId() + ", card " + card.label());
        return new Enrolled(appid, merchant.mchId(), apiKey, card.publicId(), now);
    }

    /** The merchant of this account, for a person holding one of these roles in it. */
    public Merchant require(long personId, String appid, MemberRole... roles) {
        OfficialAccount account = accounts.requireRole(personId, appid, roles).account();
        return ofAccount(account.id()).orElseThrow(() -> new BusinessException(MerchantError.MERCHANT_UNKNOWN));
    }

    public NewKey resetApiKey(long personId, String appid) {
        Merchant merchant = require(personId, appid, MemberRole.OWNER);
        String apiKey = ids.hex(16);
        Instant now = clock.instant();
        merchant.replaceApiKey(sealer.seal(apiKey), now);
        audit.record("merchant.api-key-reset", "app:" + appid, "mch_id " + merchant.mchId());
        return new NewKey(merchant.mchId(), apiKey, now);
    }

    /** Later settlements go to another of the owner's cards; one under way keeps the card it was paid to. */
    public MerchantView changeSettlementCard(long personId, String appid, String settlementCardId) {
        Merchant merchant = require(personId, appid, MemberRole.OWNER);
        BankCard card = cards.lockedActiveCard(personId, settlementCardId);
        merchant.settleTo(card.id());
        audit.record("merchant.settlement-card-changed", "app:" + appid, "mch_id " + merchant.mchId() + ", card "
                + card.label());
        return view(personId, appid);
    }

    public MerchantView view(long personId, String appid) {
        Merchant merchant = require(personId, appid, MemberRole.OWNER, MemberRole.ADMIN);
        BankCard card = em.find(BankCard.class, merchant.settlementCardId());
        LedgerAccount ledgerAccount = em.find(LedgerAccount.class, merchant.ledgerAccountId());
        return new MerchantView(appid, merchant.mchId(), card.publicId(), card.label(), ledgerAccount.balance(),
                merchant.apiKeySetAt(), merchant.createdAt());
    }

    /**
     * The merchant a {@code /pay} request comes from, once its signature proves that the caller holds the API key:
     * MCHID_NOT_EXIST, LACK_PARAMS for a missing nonce or sign, SIGNERROR for a wrong one (under the request's own
     * sign_type).
     */
    public PayCaller.Admitted admit(Map<String, String> fields) {
        Merchant merchant = byMchId(UnifiedOrder.required(fields, "mch_id"))
                .orElseThrow(() -> new BusinessException(PayError.MCHID_NOT_EXIST));
        UnifiedOrder.required(fields, "nonce_str");
        UnifiedOrder.required(fields, PaySignature.FIELD);
        SignType signType = SignType.ofWire(fields.get("sign_type")).orElseThrow(() -> new BusinessException(
                PayError.SIGNERROR, "sign_type must be MD5 or HMAC-SHA256"));
        // The platform, not the caller, lost the key (OA_SECRET_KEY changed); only a reset in the portal mends it.
        String key = apiKey(merchant).orElseThrow(() -> new BusinessException(PayError.SIGNERROR, "the platform"
                + " cannot read this merchant's API key (sealed under another OA_SECRET_KEY); the owner resets it"));
        if (!PaySignature.verify(fields, signType, key)) {
            throw new BusinessException(PayError.SIGNERROR);
        }
        String appid = em.find(OfficialAccount.class, merchant.accountId()).appId();
        return new PayCaller.Admitted(merchant.id(), merchant.ledgerAccountId(), merchant.accountId(),
                merchant.mchId(), appid, key, signType, merchant.isSuspended());
    }

    public Optional<Merchant> byMchId(String mchId) {
        if (mchId == null || !mchId.matches("[0-9]{10}")) {
            return Optional.empty();
        }
        return em.createNamedQuery(Merchant.BY_MCH_ID, Merchant.class).setParameter("mchId", mchId)
                .getResultStream().findFirst();
    }

    /** The merchant's API key, or empty when it was sealed under another {@code OA_SECRET_KEY} (reset it then). */
    public Optional<String> apiKey(Merchant merchant) {
        return sealer.open(merchant.apiKeySealed());
    }

    private Optional<Merchant> ofAccount(long accountId) {
        return em.createNamedQuery(Merchant.OF_ACCOUNT, Merchant.class).setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    /** Ten digits, not starting with 0, like WeChat's; a billion of them, so a clash is rare and retried. */
    private String freshMchId() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String candidate = (char) ('1' + attempt % 9) + ids.digits(9);
            if (byMchId(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free mch_id after 10 draws");
    }
}
