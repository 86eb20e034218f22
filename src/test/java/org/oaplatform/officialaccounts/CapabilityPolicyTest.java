package org.oaplatform.officialaccounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oaplatform.officialaccounts.control.Capability.BASIC;
import static org.oaplatform.officialaccounts.control.Capability.CUSTOMER_SERVICE_ACCOUNTS;
import static org.oaplatform.officialaccounts.control.Capability.CUSTOMER_SERVICE_MESSAGES;
import static org.oaplatform.officialaccounts.control.Capability.CUSTOM_MENU;
import static org.oaplatform.officialaccounts.control.Capability.JSSDK_SHARE;
import static org.oaplatform.officialaccounts.control.Capability.MASS_SEND;
import static org.oaplatform.officialaccounts.control.Capability.MASS_SEND_TO_OPENIDS;
import static org.oaplatform.officialaccounts.control.Capability.MATERIALS;
import static org.oaplatform.officialaccounts.control.Capability.PERSONALIZED_MENU;
import static org.oaplatform.officialaccounts.control.Capability.QR_CODES;
import static org.oaplatform.officialaccounts.control.Capability.TEMPLATE_MESSAGES;
import static org.oaplatform.officialaccounts.control.Capability.USER_LOCATION;
import static org.oaplatform.officialaccounts.control.Capability.USER_MANAGEMENT;
import static org.oaplatform.officialaccounts.control.Capability.USER_REMARKS;
import static org.oaplatform.officialaccounts.control.Capability.WEB_OAUTH;
import static org.oaplatform.officialaccounts.control.Capability.WECHAT_PAY;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.control.CapabilityPolicy;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;

/** One test per row of spec §12.2: the four columns, plus enterprise and region where the spec leaves room. */
class CapabilityPolicyTest {

    private static void row(Capability capability, boolean unverifiedSubscription, boolean verifiedSubscription,
            boolean unverifiedService, boolean verifiedService) {
        assertEquals(unverifiedSubscription, allows(AccountType.SUBSCRIPTION, false, capability), "unverified subscription");
        assertEquals(verifiedSubscription, allows(AccountType.SUBSCRIPTION, true, capability), "verified subscription");
        assertEquals(unverifiedService, allows(AccountType.SERVICE, false, capability), "unverified service");
        assertEquals(verifiedService, allows(AccountType.SERVICE, true, capability), "verified service");
        // enterprise accounts are organisation accounts with the service column's rights
        assertEquals(unverifiedService, allows(AccountType.ENTERPRISE, false, capability), "unverified enterprise");
        assertEquals(verifiedService, allows(AccountType.ENTERPRISE, true, capability), "verified enterprise");
    }

    private static boolean allows(AccountType type, boolean verified, Capability capability) {
        return CapabilityPolicy.allows(type, verified, AccountRegion.CN, capability);
    }

    @Test
    void accessTokenMessagesAndPassiveRepliesForEveryone() {
        row(BASIC, true, true, true, true);
    }

    @Test
    void customerServiceSendNeedsVerification() {
        row(CUSTOMER_SERVICE_MESSAGES, false, true, false, true);
    }

    @Test
    void massSendNeedsVerification() {
        row(MASS_SEND, false, true, false, true);
    }

    @Test
    void massSendToOpenidListIsVerifiedServiceOnly() {
        row(MASS_SEND_TO_OPENIDS, false, false, false, true);
    }

    @Test
    void templateMessagesAreVerifiedServiceOnly() {
        row(TEMPLATE_MESSAGES, false, false, false, true);
    }

    @Test
    void userManagementNeedsVerification() {
        row(USER_MANAGEMENT, false, true, false, true);
    }

    @Test
    void remarksAreVerifiedServiceOnly() {
        row(USER_REMARKS, false, false, false, true);
    }

    @Test
    void userLocationIsVerifiedServiceOnly() {
        row(USER_LOCATION, false, false, false, true);
    }

    @Test
    void webOauthIsVerifiedServiceOnly() {
        row(WEB_OAUTH, false, false, false, true);
    }

    @Test
    void parametricQrCodesAreVerifiedServiceOnly() {
        row(QR_CODES, false, false, false, true);
    }

    @Test
    void customMenuForAllButUnverifiedSubscription() {
        row(CUSTOM_MENU, false, true, true, true);
    }

    @Test
    void personalizedMenuNeedsVerification() {
        row(PERSONALIZED_MENU, false, true, false, true);
    }

    @Test
    void materialsNeedVerification() {
        row(MATERIALS, false, true, false, true);
    }

    @Test
    void customerServiceAccountsAreVerifiedServiceOnly() {
        row(CUSTOMER_SERVICE_ACCOUNTS, false, false, false, true);
    }

    @Test
    void jssdkShareNeedsVerification() {
        row(JSSDK_SHARE, false, true, false, true);
    }

    @Test
    void wechatPayIsVerifiedServiceInCnOnly() {
        row(WECHAT_PAY, false, false, false, true);
        assertEquals(false, CapabilityPolicy.allows(AccountType.SERVICE, true, AccountRegion.INTERNATIONAL, WECHAT_PAY));
    }

    @ParameterizedTest
    @CsvSource({"SUBSCRIPTION", "SERVICE", "ENTERPRISE"})
    void regionChangesNothingButPay(AccountType type) {
        for (Capability c : Capability.values()) {
            if (c != WECHAT_PAY) {
                for (boolean verified : new boolean[] {false, true}) {
                    assertEquals(CapabilityPolicy.allows(type, verified, AccountRegion.CN, c),
                            CapabilityPolicy.allows(type, verified, AccountRegion.INTERNATIONAL, c), c + " " + verified);
                }
            }
        }
    }
}
