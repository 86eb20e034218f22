/**
 * Webhooks: what the platform pushes to an account's developer server and what it accepts back, in WeChat's own
 * protocol (spec §2): the URL handshake, the XML of every message and event, signatures, safe and compatible mode,
 * passive replies.
 * <p>
 * Rules: the wire format is built and parsed only here ({@code control}: pure code, no transactions, no I/O), and
 * everything a developer server answers is untrusted input: parsed with DTDs refused and a size cap, signatures
 * compared in constant time, anything malformed refused as a {@link org.oaplatform.webhooks.control.WebhookError}
 * instead of crashing. A server URL is operator input and passes
 * {@link org.oaplatform.webhooks.control.OutboundUrlPolicy} when it is saved and again, on the resolved address, at
 * every connect. Pushes never run inside a database transaction.
 */
package org.oaplatform.webhooks;
