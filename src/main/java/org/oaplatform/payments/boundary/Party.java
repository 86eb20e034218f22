package org.oaplatform.payments.boundary;

import org.oaplatform.accounts.entity.Person;

/** How a wallet shows the other side of a transaction: a name and WeChat ID, never a phone number or database id. */
public record Party(String displayName, String handle) {

    public static Party of(Person person) {
        return new Party(person.displayName(), person.handle());
    }
}
