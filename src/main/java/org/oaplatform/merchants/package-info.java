/**
 * Merchants: a verified service account takes payments from people's wallets through the API WeChat Pay merchants
 * already code against (v2 XML at {@code /pay}, signed with the merchant's API key), and is told of each payment at
 * its {@code notify_url}. See docs/merchants.md.
 * <p>
 * Why a component of its own beside {@code payments}: the merchant API is a surface of its own (WeChat Pay's wire
 * format, codes and signatures, unlike the wallet's problem+json), with its own records (merchants, orders,
 * notifications) that the wallet does not need to know. Money is not one of those things: every movement goes through
 * {@code payments}' one posting primitive, {@link org.oaplatform.payments.boundary.Ledger#post}, into a merchant
 * ledger account ({@code AccountKind.MERCHANT}), in exact fen, under the lock order the ledger documents (the order
 * row first, the accounts after), and the ledger audit checks merchant accounts against paid orders.
 * <p>
 * Rules: the wire format is built and parsed only in {@code control} (requests through the webhooks' XXE-safe
 * parser); a request is trusted only after its signature verifies; orders are idempotent by the merchant's own
 * {@code out_trade_no}, payments by the payer's Idempotency-Key; notifications are sent outside any transaction, to
 * URLs that pass the developer webhook's outbound rules ({@code OA_WEBHOOK_ALLOW_PRIVATE}).
 */
package org.oaplatform.merchants;
