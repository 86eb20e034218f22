package org.oaplatform.merchants.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.oaplatform.merchants.control.ClientCertificates;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.InstantConverter;
import org.oaplatform.platform.control.Sealer;

/**
 * Merchants' API client certificates ({@code apiclient_cert.p12}), which WxJava loads for {@code /secapi} calls: the
 * owner downloads one issued by the platform's authority (made on first use, its key sealed under
 * {@code OA_SECRET_KEY}); each download issues a new one and records it as the merchant's current certificate. The
 * server does not check client certificates itself: over plain HTTP none is presented, and with TLS it is the
 * container's listener that would ask for one (docs/merchants.md).
 */
@Stateless
public class MerchantCertificates {

    public record Download(String fileName, byte[] p12, String serial) {
    }

    private static final Logger LOG = Logger.getLogger(MerchantCertificates.class.getName());
    private static final String INSTALLATION = "OA Platform";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Sealer sealer;

    @Inject
    Merchants merchants;

    @Inject
    AuditLog audit;

    public Download issue(long ownerId, String appid) {
        Merchant merchant = merchants.require(ownerId, appid, MemberRole.OWNER);
        em.lock(merchant, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        String name = em.find(OfficialAccount.class, merchant.accountId()).name();
        ClientCertificates.Issued issued = ClientCertificates.issue(authority(now), merchant.mchId(), name, now);
        String serial = issued.certificate().getSerialNumber().toString(16);
        merchant.certificateIssued(serial, now);
        audit.record("merchant.certificate-issued", "app:" + appid, "mch_id " + merchant.mchId() + ", serial "
                + serial);
        return new Download("apiclient_cert.p12", issued.p12(), serial);
    }

    /** The authority, made on first use; remade if its key was sealed under another OA_SECRET_KEY. */
    private ClientCertificates.Authority authority(Instant now) {
        Optional<ClientCertificates.Authority> stored = stored("");
        if (stored.isPresent()) {
            return stored.get();
        }
        ClientCertificates.Authority fresh = ClientCertificates.newAuthority(INSTALLATION, now);
        String certificate;
        try {
            certificate = Base64.getEncoder().encodeToString(fresh.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate just made does not encode", e);
        }
        String key = sealer.seal(Base64.getEncoder().encodeToString(fresh.key().getEncoded()));
        // Two instances making one at once: the row lock of the upsert lets one win, and both read the winner's.
        em.createNativeQuery("INSERT INTO merchant_certificate_authority (id, certificate, private_key_sealed,"
                + " created_at) VALUES (1, ?1, ?2, ?3) ON DUPLICATE KEY UPDATE certificate = IF(?4, VALUES(certificate),"
                + " certificate), private_key_sealed = IF(?4, VALUES(private_key_sealed), private_key_sealed),"
                + " created_at = IF(?4, VALUES(created_at), created_at)")
                .setParameter(1, certificate).setParameter(2, key).setParameter(3, InstantConverter.utc(now))
                .setParameter(4, unreadableRowExists()).executeUpdate();
        // A locking read: a plain one would see this transaction's snapshot, taken before another instance's row.
        return stored(" FOR UPDATE").orElseThrow(() -> new IllegalStateException(
                "the merchant authority cannot be read back"));
    }

    private boolean unreadableRowExists() {
        boolean exists = !em.createNativeQuery("SELECT id FROM merchant_certificate_authority WHERE id = 1")
                .getResultList().isEmpty();
        if (exists) {
            LOG.warning("The merchant certificate authority's key was sealed under another OA_SECRET_KEY; a new"
                    + " authority replaces it, and certificates issued before no longer chain to it.");
        }
        return exists;
    }

    private Optional<ClientCertificates.Authority> stored(String lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT certificate, private_key_sealed"
                + " FROM merchant_certificate_authority WHERE id = 1" + lock).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> key = sealer.open((String) rows.get(0)[1]);
        return key.map(k -> new ClientCertificates.Authority(
                ClientCertificates.certificate(Base64.getDecoder().decode((String) rows.get(0)[0])),
                ClientCertificates.privateKey(Base64.getDecoder().decode(k))));
    }
}
