package org.oaplatform.webhooks.boundary;

import org.oaplatform.webhooks.control.PassiveReply;

/**
 * A developer server answered a push with a reply for the follower, already checked (signature, addressing, article
 * count) and of a kind the platform can show (text, image, voice, video — naming a media the account may send — music, news). Fired synchronously inside the transaction that
 * records the delivery, so the reply is stored with it or not at all; the conversations component stores it.
 */
public record PassiveReplyReceived(long accountId, String openid, long pushId, Long msgId, PassiveReply reply) {
}
