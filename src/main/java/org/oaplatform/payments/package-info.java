/**
 * The wallet: a double-entry ledger (accounts, postings of legs that sum to zero) and the flows on it (bank cards,
 * top-up, withdrawal, transfers, red packets, statements). All money arithmetic of the platform lives here, in
 * {@code long} fen; see {@code docs/payments.md}.
 */
package org.oaplatform.payments;
