/**
 * Followers: a person follows an official account (by search or by scanning one of its QR codes) and gets an
 * openid for that account, stable across unfollow and re-follow; the unionid identifies the person across the
 * accounts of one owner. The WeChat user API ({@code user/get}, {@code user/info}, remarks) reads from here.
 * <p>
 * Rules: an openid is only ever answered to its own account (any other gets 40003); the subscribed count is kept in
 * {@code follower_count} in the same transaction as the change; {@link org.oaplatform.followers.boundary.FollowerSubscribed},
 * {@link org.oaplatform.followers.boundary.FollowerUnsubscribed} and {@link org.oaplatform.followers.boundary.QrCodeScanned}
 * are fired inside the transaction, and observers that act outside the database (webhook pushes) observe them
 * {@code during = AFTER_SUCCESS}. A QR code's ticket is its only credential: unguessable, and a temporary code stops
 * working at its expiry on every path (picture and scan). The portal's methods take the person's id and the appid and
 * require membership of the account first ({@code OfficialAccounts.requireMember}), then apply the same rules as the
 * developer API's; lists for people page by keyset on indexes and never count a million rows.
 */
package org.oaplatform.followers;
