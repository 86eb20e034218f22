package org.oaplatform.accounts.boundary;

import java.time.Instant;
import org.oaplatform.accounts.entity.Person;

/** What a person sees of their own account. */
public record PersonView(String phone, String displayName, String region, String language, String handle,
        boolean platformAdmin, Instant registeredAt) {

    static PersonView of(Person person, boolean platformAdmin) {
        return new PersonView(person.phone(), person.displayName(), person.region(), person.language(),
                person.handle(), platformAdmin, person.createdAt());
    }
}
