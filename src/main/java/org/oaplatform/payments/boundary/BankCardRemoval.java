package org.oaplatform.payments.boundary;

/**
 * Fired, synchronously and in the removing transaction, before a card is removed from a wallet: a component that pays
 * to the card (a merchant's settlements) refuses the removal by throwing a {@code BusinessException}, without the
 * wallet knowing who uses its cards.
 */
public record BankCardRemoval(long personId, long cardId, String publicId) {
}
