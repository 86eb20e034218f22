package org.oaplatform.officialaccounts.control;

import java.util.EnumSet;
import java.util.Set;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;

/**
 * What an official account may do, from its type, whether it is verified now, and its region: spec §12.2 and the
 * newer notes below it, in one place. Every {@code /cgi-bin} endpoint asks here and answers 48001 when refused.
 * <p>
 * Decisions where the spec is silent (see {@code docs/capabilities.md}): enterprise accounts are organisation
 * accounts with the service column's rights; WeChat Pay needs a verified service (or enterprise) account in CN.
 */
public final class CapabilityPolicy {

    private static final Set<Capability> UNVERIFIED_SUBSCRIPTION = EnumSet.of(Capability.BASIC);

    private static final Set<Capability> VERIFIED_SUBSCRIPTION = EnumSet.of(Capability.BASIC,
            Capability.CUSTOMER_SERVICE_MESSAGES, Capability.MASS_SEND, Capability.USER_MANAGEMENT,
            Capability.CUSTOM_MENU, Capability.PERSONALIZED_MENU, Capability.MATERIALS, Capability.JSSDK_SHARE);

    private static final Set<Capability> UNVERIFIED_SERVICE = EnumSet.of(Capability.BASIC, Capability.CUSTOM_MENU);

    private static final Set<Capability> VERIFIED_SERVICE = EnumSet.complementOf(EnumSet.of(Capability.WECHAT_PAY));

    private CapabilityPolicy() {
    }

    public static boolean allows(AccountType type, boolean verified, AccountRegion region, Capability capability) {
        return capabilities(type, verified, region).contains(capability);
    }

    public static Set<Capability> capabilities(AccountType type, boolean verified, AccountRegion region) {
        Set<Capability> result = EnumSet.noneOf(Capability.class);
        if (type == AccountType.SUBSCRIPTION) {
            result.addAll(verified ? VERIFIED_SUBSCRIPTION : UNVERIFIED_SUBSCRIPTION);
        } else {
            result.addAll(verified ? VERIFIED_SERVICE : UNVERIFIED_SERVICE);
            if (verified && region == AccountRegion.CN) {
                result.add(Capability.WECHAT_PAY);
            }
        }
        return result;
    }
}
