package org.oaplatform.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.boundary.Sessions;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.platform.control.BusinessException;

/**
 * Checks a phone (E.164) and password with the accounts component, the same way the client API's password login
 * does (throttle and audit included). The caller name is the person's database id, not the phone: ids never change
 * and are what the boundaries take, while a phone number is personal data that can move to another person.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    @Inject
    Sessions sessions;

    @Inject
    People people;

    @Inject
    LoginAttempt attempt;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            Person person = sessions.checkPassword(null, credential.getCaller(), credential.getPasswordAsString());
            Set<String> groups = people.isPlatformAdmin(person)
                    ? Set.of(PortalSecurity.PERSON, PortalSecurity.PLATFORM_ADMIN)
                    : Set.of(PortalSecurity.PERSON);
            return new CredentialValidationResult(String.valueOf(person.id()), groups);
        } catch (BusinessException refused) {
            attempt.refused(refused.code());
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
