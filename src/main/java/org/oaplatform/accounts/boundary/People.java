package org.oaplatform.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.oaplatform.accounts.control.AccountError;
import org.oaplatform.accounts.control.Passwords;
import org.oaplatform.accounts.control.PhoneNumbers;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.Settings;

/** Personal accounts: registration (proven by an SMS code), lookup and the profile. */
@Stateless
public class People {

    public static final String DEFAULT_LANGUAGE = "en";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Passwords passwords;

    @Inject
    VerificationCodes codes;

    @Inject
    AuditLog audit;

    @Inject
    Settings settings;

    public Person register(String region, String phone, String code, String password, String displayName) {
        String e164 = PhoneNumbers.normalise(region, phone);
        codes.spend(e164, code);
        return create(e164, password, displayName);
    }

    /** Creates a person whose phone was proven some other way (demo data, administration). */
    public Person create(String e164, String password, String displayName) {
        if (byPhone(e164).isPresent()) {
            throw phoneTaken();
        }
        Person person = new Person(e164, PhoneNumbers.regionOf(e164), passwords.hash(password), displayName.strip(),
                DEFAULT_LANGUAGE, clock.instant());
        try {
            em.persist(person);
            em.flush();
        } catch (PersistenceException raceOnUniquePhone) {
            throw phoneTaken();
        }
        audit.record("person.registered", "person:" + person.id(), PhoneNumbers.masked(e164));
        return person;
    }

    public Optional<Person> byPhone(String e164) {
        return em.createNamedQuery(Person.BY_PHONE, Person.class).setParameter("phone", e164).getResultStream()
                .findFirst();
    }

    /**
     * Someone to send money to, named the way people name each other: by WeChat ID, or by phone number (a local
     * number is read in the sender's region).
     */
    public Optional<Person> byHandleOrPhone(String handleOrPhone, String regionOfLocalNumbers) {
        String value = handleOrPhone == null ? "" : handleOrPhone.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.startsWith("+") || value.chars().allMatch(Character::isDigit)) {
            return byPhone(PhoneNumbers.normalise(regionOfLocalNumbers, value));
        }
        return em.createQuery("SELECT p FROM Person p WHERE p.handle = :handle", Person.class)
                .setParameter("handle", value).getResultStream().findFirst();
    }

    public List<Person> byIds(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Person p WHERE p.id IN :ids", Person.class)
                .setParameter("ids", personIds).getResultList();
    }

    public Person get(long personId) {
        Person person = em.find(Person.class, personId);
        if (person == null) {
            throw new BusinessException(PlatformError.NOT_FOUND, "no such person");
        }
        return person;
    }

    /** The person's language alone: the follower reads ({@code user/info}) need no more of the person. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String languageOf(long personId) {
        return em.createQuery("SELECT p.language FROM Person p WHERE p.id = :id", String.class)
                .setParameter("id", personId).getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such person"));
    }

    public boolean isPlatformAdmin(Person person) {
        return settings.platformAdminPhones().contains(person.phone());
    }

    /** @throws BusinessException unless the person is a platform administrator */
    public Person requirePlatformAdmin(long personId) {
        Person person = get(personId);
        if (!isPlatformAdmin(person)) {
            throw new BusinessException(PlatformError.FORBIDDEN, "platform administrators only");
        }
        return person;
    }

    public Person updateProfile(long personId, ProfileChange change) {
        Person person = get(personId);
        if (change.displayName != null) {
            person.rename(change.displayName.strip());
        }
        if (change.region != null) {
            person.moveTo(change.region);
        }
        if (change.language != null) {
            person.speak(change.language);
        }
        if (change.handle != null && !change.handle.equals(person.handle())) {
            assignHandle(person, change.handle);
        }
        return person;
    }

    private void assignHandle(Person person, String handle) {
        if (!person.mayChangeHandle()) {
            throw new BusinessException(AccountError.HANDLE_ALREADY_CHANGED);
        }
        Long taken = em.createQuery("SELECT COUNT(p) FROM Person p WHERE p.handle = :handle", Long.class)
                .setParameter("handle", handle).getSingleResult();
        if (taken > 0) {
            throw new BusinessException(AccountError.HANDLE_TAKEN);
        }
        person.assignHandle(handle);
        try {
            em.flush();
        } catch (PersistenceException raceOnUniqueHandle) {
            throw new BusinessException(AccountError.HANDLE_TAKEN);
        }
        audit.record("person.handle-set", "person:" + person.id(), handle);
    }

    private static BusinessException phoneTaken() {
        return new BusinessException(AccountError.PHONE_TAKEN, "a personal account with this phone number exists");
    }
}
