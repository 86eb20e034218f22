package org.oaplatform.officialaccounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.control.PhoneNumbers;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.control.IpAddresses;
import org.oaplatform.officialaccounts.control.OfficialAccountError;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.EntityType;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.Membership;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.Text;

/** Registering official accounts, their secret, members, whitelist, and finding them. */
@Stateless
public class OfficialAccounts {

    public static final int MAX_WHITELIST_ENTRIES = 200;
    private static final int MAX_SEARCH_RESULTS = 50;

    /** The new account and its secret, which exists in clear only in this answer. */
    public record Registered(OfficialAccount account, String secret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    People people;

    @Inject
    AuditLog audit;

    @Inject
    Event<AppSecretReset> secretResets;

    @Inject
    AccountAdmissions admissions;

    public Registered register(long ownerId, AccountRegistration request) {
        return register(ownerId, request, ids.appId(), ids.appSecret());
    }

    /** Registration with given credentials: for demo data, whose appid and secret are documented. */
    public Registered register(long ownerId, AccountRegistration request, String appId, String secret) {
        Person owner = people.get(ownerId);
        String name = request.name.strip();
        if (request.region == AccountRegion.CN && !owner.hasMainlandChinaNumber()) {
            throw new BusinessException(OfficialAccountError.NOT_ELIGIBLE,
                    "a CN account needs an owner registered with a +86 phone number");
        }
        if (request.entityType == EntityType.INDIVIDUAL && request.type != AccountType.SUBSCRIPTION) {
            throw new BusinessException(OfficialAccountError.NOT_ELIGIBLE,
                    "individuals may only open subscription accounts");
        }
        if (request.entityType.isOrganisation() && (isBlank(request.legalName)
                || isBlank(request.registrationNumber) || isBlank(request.legalRepresentative))) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED,
                    "organisations give legalName, registrationNumber and legalRepresentative");
        }
        if (em.createNamedQuery(OfficialAccount.COUNT_BY_NAME, Long.class).setParameter("name", name)
                .getSingleResult() > 0) {
            throw nameTaken();
        }
        Instant now = clock.instant();
        OfficialAccount account = new OfficialAccount(appId, ids.originalId(), Hashing.sha256Hex(secret), name,
                request.type, request.region, request.entityType, strippedOrNull(request.description), now);
        if (request.entityType.isOrganisation()) {
            account.describeOrganisation(request.legalName.strip(), request.registrationNumber.strip(),
                    request.legalRepresentative.strip());
        }
        try {
            em.persist(account);
            em.persist(new Membership(account, ownerId, MemberRole.OWNER, now));
            em.flush();
        } catch (PersistenceException raceOnUniqueName) {
            throw nameTaken();
        }
        audit.record("official-account.registered", "app:" + account.appId(),
                account.type() + " " + account.region() + " " + account.entityType());
        return new Registered(account, secret);
    }

    /** Replaces the secret; the old one, and every token it was used for, stop working at once. */
    public String resetSecret(long personId, String appId) {
        OfficialAccount account = requireRole(personId, appId, MemberRole.OWNER).account();
        String secret = ids.appSecret();
        account.resetSecret(Hashing.sha256Hex(secret), clock.instant());
        secretResets.fire(new AppSecretReset(account.id(), account.appId()));
        audit.record("official-account.secret-reset", "app:" + appId, null);
        return secret;
    }

    public Membership addMember(long personId, String appId, String region, String phone, MemberRole role) {
        OfficialAccount account = requireRole(personId, appId, MemberRole.OWNER).account();
        if (role == MemberRole.OWNER) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "an account has exactly one owner");
        }
        Person member = people.byPhone(PhoneNumbers.normalise(region, phone))
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND,
                        "no personal account with this phone"));
        if (membership(member.id(), account).isPresent()) {
            throw new BusinessException(OfficialAccountError.ALREADY_MEMBER);
        }
        Membership membership = new Membership(account, member.id(), role, clock.instant());
        em.persist(membership);
        audit.record("official-account.member-added", "app:" + appId, "person:" + member.id() + " as " + role);
        return membership;
    }

    public List<Membership> members(long personId, String appId) {
        OfficialAccount account = requireMember(personId, appId).account();
        return em.createNamedQuery(Membership.OF_ACCOUNT, Membership.class).setParameter("account", account)
                .getResultList();
    }

    public OfficialAccount replaceIpWhitelist(long personId, String appId, List<String> addresses) {
        OfficialAccount account = requireRole(personId, appId, MemberRole.OWNER, MemberRole.ADMIN).account();
        Set<String> cleaned = new LinkedHashSet<>();
        for (String address : addresses) {
            String trimmed = address == null ? null : address.trim();
            if (!IpAddresses.isLiteral(trimmed)) {
                throw new BusinessException(PlatformError.VALIDATION_FAILED, "not an IP address: " + address);
            }
            cleaned.add(trimmed);
        }
        if (cleaned.size() > MAX_WHITELIST_ENTRIES) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED,
                    "at most " + MAX_WHITELIST_ENTRIES + " addresses");
        }
        account.replaceIpWhitelist(cleaned);
        admissions.forget(account.id());
        audit.record("official-account.ip-whitelist", "app:" + appId, String.join(",", cleaned));
        return account;
    }

    public List<Membership> accountsOf(long personId) {
        return em.createNamedQuery(Membership.OF_PERSON, Membership.class).setParameter("personId", personId)
                .getResultList();
    }

    /** Accounts whose name contains {@code q}, as the person may see them: +86 people do not see international ones. */
    public List<OfficialAccount> search(long personId, String q) {
        Person person = people.get(personId);
        List<AccountRegion> visible = visibleRegions(person);
        String pattern = Text.likeContaining(q == null ? "" : q.strip());
        return em.createQuery("SELECT a FROM OfficialAccount a WHERE a.name LIKE :pattern ESCAPE '\\'"
                + " AND a.region IN :regions ORDER BY a.name", OfficialAccount.class)
                .setParameter("pattern", pattern).setParameter("regions", visible)
                .setMaxResults(MAX_SEARCH_RESULTS).getResultList();
    }

    /** Whether a person may find and follow this account at all. */
    public boolean isVisibleTo(Person person, OfficialAccount account) {
        return visibleRegions(person).contains(account.region());
    }

    public OfficialAccount byAppId(String appId) {
        return findByAppId(appId).orElseThrow(() -> new BusinessException(OfficialAccountError.INVALID_APPID));
    }

    public Optional<OfficialAccount> findByAppId(String appId) {
        if (!Ids.matches(Ids.APPID, appId)) {
            return Optional.empty();
        }
        return em.createNamedQuery(OfficialAccount.BY_APPID, OfficialAccount.class).setParameter("appId", appId)
                .getResultStream().findFirst();
    }

    /** Asks the capability policy on behalf of an API call; refusal is WeChat's 48001. */
    public void requireCapability(OfficialAccount account, Capability capability) {
        admissions.requireCapability(account.admission(), capability);
    }

    /** The person who owns the account (there is exactly one). */
    public long ownerOf(OfficialAccount account) {
        return em.createQuery("SELECT m.personId FROM Membership m WHERE m.account = :account AND m.role = :owner",
                Long.class).setParameter("account", account).setParameter("owner", MemberRole.OWNER).getSingleResult();
    }

    public Membership requireMember(long personId, String appId) {
        return requireRole(personId, appId, MemberRole.values());
    }

    public Membership requireRole(long personId, String appId, MemberRole... roles) {
        OfficialAccount account = findByAppId(appId)
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such official account"));
        Membership membership = membership(personId, account)
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such official account"));
        if (!Arrays.asList(roles).contains(membership.role())) {
            throw new BusinessException(PlatformError.FORBIDDEN, "needs role " + Arrays.toString(roles));
        }
        return membership;
    }

    private Optional<Membership> membership(long personId, OfficialAccount account) {
        return em.createNamedQuery(Membership.ROLE, Membership.class).setParameter("account", account)
                .setParameter("personId", personId).getResultStream().findFirst();
    }

    private static List<AccountRegion> visibleRegions(Person person) {
        return person.hasMainlandChinaNumber() ? List.of(AccountRegion.CN) : List.of(AccountRegion.values());
    }

    private static BusinessException nameTaken() {
        return new BusinessException(OfficialAccountError.ACCOUNT_NAME_TAKEN);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String strippedOrNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
