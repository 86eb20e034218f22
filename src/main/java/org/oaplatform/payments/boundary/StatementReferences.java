package org.oaplatform.payments.boundary;

import java.util.Map;
import java.util.Set;

/**
 * What a component that posts to wallets through the {@link Ledger} (a merchant's orders) says of its own postings in
 * a person's statement: the wallet knows the references, not what they name, and must not depend on who made them.
 * {@link Statements} asks every implementation for the references it could not describe itself.
 */
public interface StatementReferences {

    /** @param counterpart who the money went to or came from; status and memo as the statement shows them */
    record Described(Statements.Counterpart counterpart, String status, String memo) {
    }

    /** The references of these (a page of a statement) that are this component's, described; others are left out. */
    Map<String, Described> describe(Set<String> references);
}
