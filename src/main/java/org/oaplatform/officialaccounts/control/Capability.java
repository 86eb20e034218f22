package org.oaplatform.officialaccounts.control;

/** The interface groups of spec §12.2 ("interface permissions by type"), one constant per row. */
public enum Capability {
    /** access_token, server IPs, receiving messages and events, passive replies, basic JS-SDK. */
    BASIC,
    CUSTOMER_SERVICE_MESSAGES,
    MASS_SEND,
    /** Mass send to an explicit openid list ({@code /mass/send}): verified service accounts only. */
    MASS_SEND_TO_OPENIDS,
    TEMPLATE_MESSAGES,
    USER_MANAGEMENT,
    /** Follower remarks ({@code user/info/updateremark}): verified service accounts only. */
    USER_REMARKS,
    USER_LOCATION,
    WEB_OAUTH,
    QR_CODES,
    CUSTOM_MENU,
    PERSONALIZED_MENU,
    MATERIALS,
    CUSTOMER_SERVICE_ACCOUNTS,
    JSSDK_SHARE,
    WECHAT_PAY
}
