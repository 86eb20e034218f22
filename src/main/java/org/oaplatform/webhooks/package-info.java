/**
 * Webhooks: what the platform pushes to an account's developer server and what it accepts back, in WeChat's own
 * protocol (spec §2): the server settings and their URL handshake, the XML of every message and event, signatures,
 * safe and compatible mode, passive replies, and the delivery (pushes as rows, a message-driven bean, retries, leases,
 * the delivery log with replay). See docs/webhooks.md.
 * <p>
 * Rules: the wire format is built and parsed only here ({@code control}: no transactions, no database; its only I/O is
 * {@link org.oaplatform.webhooks.control.DeveloperServerClient}, the one client that calls developer servers), and
 * everything a developer server answers is untrusted input: parsed with DTDs refused and a size cap, signatures
 * compared in constant time, anything malformed refused as a {@link org.oaplatform.webhooks.control.WebhookError}
 * instead of crashing. A server URL is operator input and passes
 * {@link org.oaplatform.webhooks.control.OutboundUrlPolicy} when it is saved and again, on the resolved address, at
 * every connect. A push is recorded in the transaction of what happened ({@code Pushes.record}) and delivered after it,
never inside a database transaction; its state in the database, not the queue message, decides who delivers it.
 */
package org.oaplatform.webhooks;
