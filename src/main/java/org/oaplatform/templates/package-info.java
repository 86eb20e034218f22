/**
 * Template messages (spec §5): the library, an account's industries and templates, and sending them to followers.
 * <p>
 * A component of its own rather than part of conversations: templates have a lifecycle of their own (a platform
 * library, per-account industries changed monthly, a set of at most 25) and rules unlike a conversation's (no
 * service window; verified service accounts only). What they share with conversations is delivery: a sent template
 * message is announced with {@code TemplateMessageSent}, through which it reaches the follower's conversation and
 * the account's developer server.
 */
package org.oaplatform.templates;
