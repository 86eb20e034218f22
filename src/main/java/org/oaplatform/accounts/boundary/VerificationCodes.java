package org.oaplatform.accounts.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.oaplatform.accounts.control.AccountError;
import org.oaplatform.accounts.control.CodePolicy;
import org.oaplatform.accounts.control.PhoneNumbers;
import org.oaplatform.accounts.control.SmsGateway;
import org.oaplatform.accounts.entity.VerificationCode;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.RequestContext;

/**
 * Sends SMS codes and checks them. Sending never tells whether the phone is registered; checking burns a code
 * after too many wrong tries, and a wrong try is remembered even though the request that made it fails.
 */
@Stateless
public class VerificationCodes {

    private final CodePolicy policy = CodePolicy.STANDARD;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    SmsGateway sms;

    @Inject
    RequestContext request;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext self;

    /** @return when the code expires */
    public Instant send(String region, String phone) {
        String e164 = PhoneNumbers.normalise(region, phone);
        Instant now = clock.instant();
        Optional<Instant> newest = newest(e164).map(VerificationCode::createdAt);
        long lastDay = em.createNamedQuery(VerificationCode.COUNT_FOR_PHONE_SINCE, Long.class)
                .setParameter("phone", e164).setParameter("since", now.minus(Duration.ofDays(1))).getSingleResult();
        long fromAddress = request.remoteAddress() == null ? 0
                : em.createNamedQuery(VerificationCode.COUNT_FROM_ADDRESS_SINCE, Long.class)
                        .setParameter("address", request.remoteAddress())
                        .setParameter("since", now.minus(Duration.ofHours(1))).getSingleResult();
        Optional<ErrorCode> refusal = policy.refusal(now, newest, lastDay, fromAddress);
        if (refusal.isPresent()) {
            throw new BusinessException(refusal.get());
        }
        String code = ids.digits(CodePolicy.CODE_DIGITS);
        Instant expiresAt = policy.expiryOf(now);
        em.persist(new VerificationCode(e164, hash(e164, code), request.remoteAddress(), now, expiresAt));
        sms.send(e164, "[OA Platform] Your verification code is " + code + ". It expires in "
                + policy.validity().toMinutes() + " minutes. Do not share it.");
        return expiresAt;
    }

    /**
     * Spends the phone's current code if {@code code} is it.
     *
     * @throws BusinessException when there is no usable code or it does not match; the same answer either way
     */
    public void spend(String e164, String code) {
        Instant now = clock.instant();
        VerificationCode current = newest(e164)
                .filter(c -> policy.usable(now, c.expiresAt(), c.failedAttempts(), c.spent()))
                .orElseThrow(VerificationCodes::wrongCode);
        if (code == null || !Hashing.constantTimeEquals(current.codeHash(), hash(e164, code))) {
            self.getBusinessObject(VerificationCodes.class).recordWrongTry(current.id(), e164);
            throw wrongCode();
        }
        int spent = em.createNamedQuery(VerificationCode.SPEND).setParameter("id", current.id())
                .setParameter("now", now).setParameter("maxAttempts", policy.maxWrongTries()).executeUpdate();
        if (spent != 1) {
            throw wrongCode(); // used or burnt by a concurrent request
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordWrongTry(long codeId, String e164) {
        em.createNamedQuery(VerificationCode.RECORD_WRONG_TRY).setParameter("id", codeId).executeUpdate();
        audit.record("code.wrong-try", "phone:" + e164, null);
    }

    private Optional<VerificationCode> newest(String e164) {
        return em.createNamedQuery(VerificationCode.NEWEST_FOR_PHONE, VerificationCode.class)
                .setParameter("phone", e164).setMaxResults(1).getResultStream().findFirst();
    }

    private static String hash(String e164, String code) {
        return Hashing.sha256Hex(e164 + ':' + code);
    }

    private static BusinessException wrongCode() {
        return new BusinessException(AccountError.INVALID_VERIFICATION_CODE);
    }
}
