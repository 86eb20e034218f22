/**
 * Official accounts: registration by a person (who becomes the owner), type, region and entity, developer
 * credentials (appid and secret), members, the IP whitelist, and verification review with its yearly lapse.
 * <p>
 * Rules: what an account may do is decided only by {@link org.oaplatform.officialaccounts.control.CapabilityPolicy};
 * the secret is shown once and stored hashed; every change of verification state is audited.
 */
package org.oaplatform.officialaccounts;
