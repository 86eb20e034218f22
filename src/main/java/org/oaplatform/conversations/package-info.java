/**
 * Conversations: the messages between a follower and an official account, both ways, one conversation per account
 * and person. It owns the follower's side of messaging (writing text, media, location and link messages, reporting a
 * location, reading conversations with their unread counts) and stores what accounts answer (developer servers'
 * passive replies, customer-service messages, template messages, auto-replies). It keeps each conversation's
 * service window ({@code ServiceWindows}, spec §4.2), sends customer-service messages within it
 * ({@code CustomMessages}) and answers for accounts without developer mode with their auto-reply rules
 * ({@code docs/conversations.md}).
 * <p>
 * Rules: only followers write; a blacklisted follower's message is kept for them but withheld from the account (no
 * push, no event). A message's id is its 64-bit WeChat MsgId (time-ordered, from {@code TimeOrderedIds}); the push to
 * the developer server is recorded in the same transaction as the message ({@code Pushes.record}), so neither exists
 * without the other, and delivery never holds up the follower. Other components react to a follower's message
 * through {@link org.oaplatform.conversations.boundary.FollowerMessageReceived} (fired inside the transaction) and
 * add the account's answers through {@code Conversations.recordOutgoing}, which grants a media answer to the person.
 * A follower sends only media of their own, and sending grants it to the account. Lists page by keyset, newest first.
 */
package org.oaplatform.conversations;
