package org.oaplatform.officialaccounts.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.control.CapabilityPolicy;

/**
 * An official account: its identity (appid, original id, name), its developer secret (hashed), what it is
 * (type, region, entity) and its verification, which lasts a year from approval unless renewed.
 */
@Entity
@Table(name = "official_account")
@NamedQueries({
    @NamedQuery(name = OfficialAccount.BY_APPID, query = "SELECT a FROM OfficialAccount a WHERE a.appId = :appId"),
    @NamedQuery(name = OfficialAccount.COUNT_BY_NAME,
            query = "SELECT COUNT(a) FROM OfficialAccount a WHERE a.name = :name"),
    @NamedQuery(name = OfficialAccount.VERIFICATION_RAN_OUT,
            query = "SELECT a FROM OfficialAccount a WHERE a.verificationStatus = :verified AND a.verifiedUntil <= :now")
})
public class OfficialAccount {

    public static final String BY_APPID = "OfficialAccount.byAppId";
    public static final String COUNT_BY_NAME = "OfficialAccount.countByName";
    public static final String VERIFICATION_RAN_OUT = "OfficialAccount.verificationRanOut";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_id", nullable = false, unique = true, length = 18)
    private String appId;

    @Column(name = "original_id", nullable = false, unique = true, length = 20)
    private String originalId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "secret_reset_at", nullable = false)
    private Instant secretResetAt;

    @Column(nullable = false, unique = true, length = 30)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false, length = 16)
    private AccountType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountRegion region;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity_type", nullable = false, length = 16)
    private EntityType entityType;

    @Column(length = 500)
    private String description;

    @Column(name = "legal_name", length = 200)
    private String legalName;

    @Column(name = "registration_number", length = 64)
    private String registrationNumber;

    @Column(name = "legal_representative", length = 100)
    private String legalRepresentative;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_status", nullable = false, length = 16)
    private VerificationStatus verificationStatus = VerificationStatus.UNVERIFIED;

    @Column(name = "verified_until")
    private Instant verifiedUntil;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "official_account_ip", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "address", length = 64)
    private Set<String> ipWhitelist = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected OfficialAccount() {
    }

    public OfficialAccount(String appId, String originalId, String secretHash, String name, AccountType type,
            AccountRegion region, EntityType entityType, String description, Instant createdAt) {
        this.appId = appId;
        this.originalId = originalId;
        this.secretHash = secretHash;
        this.secretResetAt = createdAt;
        this.name = name;
        this.type = type;
        this.region = region;
        this.entityType = entityType;
        this.description = description;
        this.createdAt = createdAt;
    }

    public void describeOrganisation(String legalName, String registrationNumber, String legalRepresentative) {
        this.legalName = legalName;
        this.registrationNumber = registrationNumber;
        this.legalRepresentative = legalRepresentative;
    }

    /** Individual subscription accounts cannot be verified (spec §12.1). */
    public boolean mayBeVerified() {
        return entityType.isOrganisation();
    }

    /** Verified means approved and not yet a year old, whatever the lapse timer has recorded so far. */
    public boolean isVerifiedAt(Instant now) {
        return AccountAdmission.isVerified(verificationStatus, verifiedUntil, now);
    }

    /**
     * The verification as a person should read it at {@code now}: a verification whose year is over is lapsed even
     * before the hourly timer has recorded it.
     */
    public VerificationStatus verificationStatusAt(Instant now) {
        return verificationStatus == VerificationStatus.VERIFIED && !isVerifiedAt(now) ? VerificationStatus.LAPSED
                : verificationStatus;
    }

    public boolean allows(Capability capability, Instant now) {
        return CapabilityPolicy.allows(type, isVerifiedAt(now), region, capability);
    }

    /** The account as API admission sees it; {@code AccountAdmissions} caches it. */
    public AccountAdmission admission() {
        return new AccountAdmission(id, appId, type, region, verificationStatus, verifiedUntil, ipWhitelist);
    }

    public void verificationRequested() {
        if (verificationStatus != VerificationStatus.VERIFIED) {
            verificationStatus = VerificationStatus.PENDING;
        }
    }

    /** Approval verifies for a year; a renewal adds the year to the current period rather than cutting it short. */
    public void verify(Instant now) {
        Instant from = isVerifiedAt(now) ? verifiedUntil : now;
        verifiedUntil = from.atZone(java.time.ZoneOffset.UTC).plusYears(1).toInstant().truncatedTo(ChronoUnit.MICROS);
        verificationStatus = VerificationStatus.VERIFIED;
    }

    public void verificationRejected() {
        if (verificationStatus == VerificationStatus.PENDING) {
            verificationStatus = verifiedUntil == null ? VerificationStatus.UNVERIFIED : VerificationStatus.LAPSED;
        }
    }

    public void lapse() {
        verificationStatus = VerificationStatus.LAPSED;
    }

    public void resetSecret(String newSecretHash, Instant now) {
        secretHash = newSecretHash;
        secretResetAt = now;
    }

    public void replaceIpWhitelist(Set<String> addresses) {
        ipWhitelist.clear();
        ipWhitelist.addAll(addresses);
    }

    public boolean acceptsCallsFrom(String address) {
        return AccountAdmission.accepts(ipWhitelist, address);
    }

    public Long id() {
        return id;
    }

    /** The account's id for tenant boundaries (see {@link AccountId}). */
    public AccountId accountId() {
        return new AccountId(id);
    }

    public String appId() {
        return appId;
    }

    public String originalId() {
        return originalId;
    }

    public String secretHash() {
        return secretHash;
    }

    public String name() {
        return name;
    }

    public AccountType type() {
        return type;
    }

    public AccountRegion region() {
        return region;
    }

    public EntityType entityType() {
        return entityType;
    }

    public String description() {
        return description;
    }

    public String legalName() {
        return legalName;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    public String legalRepresentative() {
        return legalRepresentative;
    }

    public VerificationStatus verificationStatus() {
        return verificationStatus;
    }

    public Instant verifiedUntil() {
        return verifiedUntil;
    }

    public Set<String> ipWhitelist() {
        return Set.copyOf(ipWhitelist);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
