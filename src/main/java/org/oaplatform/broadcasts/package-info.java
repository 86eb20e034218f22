/**
 * Broadcasts (mass messages, spec §6): an account's message to all its followers, a tag or a list, fanned out in
 * chunks of follower ids, one transaction of set-based SQL each, under WeChat's quotas (one a day for subscription
 * accounts, four a month per follower for service and enterprise accounts). docs/broadcasts.md gives the decisions.
 */
package org.oaplatform.broadcasts;
