package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.boundary.Sessions;
import org.oaplatform.accounts.boundary.VerificationCodes;
import org.oaplatform.accounts.control.AccountError;
import org.oaplatform.accounts.control.SmsGateway;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.followers.boundary.TagsResource;
import org.oaplatform.officialaccounts.boundary.AccountRegistration;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.boundary.Verifications;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.control.OfficialAccountError;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.DocumentType;
import org.oaplatform.officialaccounts.entity.EntityType;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.officialaccounts.entity.VerificationStatus;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.RequestContext;
import org.oaplatform.platform.control.Settings;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.MovableClock;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.wechatapi.boundary.AccessTokens;
import org.oaplatform.wechatapi.boundary.TokenAdmission;
import org.oaplatform.wechatapi.boundary.CgiEndpoint;
import org.oaplatform.wechatapi.boundary.TokenResource;
import org.oaplatform.wechatapi.control.WeChatApiError;

/** Rules that depend on time, checked in the server with the clock moved instead of waiting. */
@ExtendWith(ArquillianExtension.class)
class TimeTravelIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithMovableClock();
    }

    @Inject
    MovableClock clock;

    @Inject
    RequestContext request;

    @Inject
    VerificationCodes codes;

    @Inject
    SmsGateway sms;

    @Inject
    People people;

    @Inject
    Sessions sessions;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Verifications verifications;

    @Inject
    AccessTokens tokens;

    @Inject
    TokenAdmission admission;

    @Inject
    AuditLog audit;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @BeforeEach
    void actFromAnAddressOfOurOwn() {
        request.begin("time-travel-test", TestData.clientAddress());
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aCodeDiesAfterFiveMinutes() {
        String phone = TestData.cnPhone();
        codes.send(null, phone);
        clock.advance(Duration.ofSeconds(301));
        BusinessException e = assertThrows(BusinessException.class,
                () -> people.register(null, phone, code(phone), TestData.PASSWORD, "Late"));
        assertEquals(AccountError.INVALID_VERIFICATION_CODE, e.code());
    }

    @Test
    void registeringATakenPhoneIsAConflictThatLeavesNothingBehind() {
        String phone = TestData.cnPhone();
        codes.send(null, phone);
        people.register(null, phone, code(phone), TestData.PASSWORD, "First");
        clock.advance(Duration.ofSeconds(61));
        codes.send(null, phone);
        String second = code(phone);
        BusinessException e = assertThrows(BusinessException.class,
                () -> people.register(null, phone, second, TestData.PASSWORD, "Second"));
        assertEquals(AccountError.PHONE_TAKEN, e.code());
        assertEquals("First", people.byPhone(phone).orElseThrow().displayName());
        // the code was not spent by the failed registration: it still logs in
        assertTrue(sessions.logInWithCode(null, phone, second).token().length() > 20);
    }

    @Test
    void tenCodesAPhoneADay() {
        String phone = TestData.cnPhone();
        for (int i = 0; i < 10; i++) {
            codes.send(null, phone);
            clock.advance(Duration.ofSeconds(61));
        }
        BusinessException e = assertThrows(BusinessException.class, () -> codes.send(null, phone));
        assertEquals(AccountError.CODE_LIMIT_REACHED, e.code());
        clock.advance(Duration.ofHours(24));
        codes.send(null, phone);
    }

    @Test
    void sessionsExpire() {
        Person person = people.create(TestData.cnPhone(), TestData.PASSWORD, "Sleeper");
        String token = sessions.logInWithPassword(null, person.phone(), TestData.PASSWORD).token();
        assertTrue(sessions.resolve(token).isPresent());
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertFalse(sessions.resolve(token).isPresent());
    }

    @Test
    void aSupersededTokenWorksFiveMoreMinutesAndEveryTokenTwoHours() throws Exception {
        OfficialAccounts.Registered app = serviceAccount();
        String first = tokens.issue("client_credential", app.account().appId(), app.secret()).accessToken();
        String second = tokens.issue("client_credential", app.account().appId(), app.secret()).accessToken();
        CgiEndpoint endpoint = TokenResource.class.getMethod("apiDomainIps").getAnnotation(CgiEndpoint.class);
        clock.advance(Duration.ofSeconds(299));
        admission.admit(first, endpoint);
        clock.advance(Duration.ofSeconds(2));
        BusinessException superseded = assertThrows(BusinessException.class, () -> admission.admit(first, endpoint));
        assertEquals(WeChatApiError.INVALID_CREDENTIAL, superseded.code());
        admission.admit(second, endpoint);
        clock.advance(Duration.ofHours(2));
        BusinessException expired = assertThrows(BusinessException.class, () -> admission.admit(second, endpoint));
        assertEquals(WeChatApiError.ACCESS_TOKEN_EXPIRED, expired.code());
    }

    @Test
    void aTokenAdmittedBeforeTheNextOneWasIssuedIsSupersededAllTheSame() throws Exception {
        OfficialAccounts.Registered app = serviceAccount();
        CgiEndpoint endpoint = TokenResource.class.getMethod("apiDomainIps").getAnnotation(CgiEndpoint.class);
        String first = tokens.issue("client_credential", app.account().appId(), app.secret()).accessToken();
        admission.admit(first, endpoint);
        tokens.issue("client_credential", app.account().appId(), app.secret());
        clock.advance(Duration.ofSeconds(301));
        BusinessException superseded = assertThrows(BusinessException.class, () -> admission.admit(first, endpoint));
        assertEquals(WeChatApiError.INVALID_CREDENTIAL, superseded.code());
    }

    @Test
    void anAdmittedAccountLosesItsVerifiedCapabilitiesWhenTheYearIsOver() throws Exception {
        OfficialAccounts.Registered app = serviceAccount();
        String appId = app.account().appId();
        long adminId = people.byPhone(Settings.DEMO_ADMIN_PHONE).orElseThrow().id();
        var application = verifications.apply(owners.get(appId), appId,
                List.of(new Verifications.Document(DocumentType.BUSINESS_LICENSE, "licence.png", "image/png", PNG)));
        verifications.approve(adminId, application.publicId(), null);
        CgiEndpoint tagsGet = TagsResource.class.getMethod("list")
                .getAnnotation(CgiEndpoint.class);
        assertEquals(Capability.USER_MANAGEMENT, tagsGet.capability());
        admission.admit(tokens.issue("client_credential", appId, app.secret()).accessToken(), tagsGet);

        clock.advance(Duration.ofDays(366));
        String nextYearsToken = tokens.issue("client_credential", appId, app.secret()).accessToken();
        BusinessException beforeTheTimer = assertThrows(BusinessException.class, () -> admission.admit(nextYearsToken, tagsGet));
        assertEquals(OfficialAccountError.API_UNAUTHORIZED, beforeTheTimer.code());
        verifications.lapseExpiredVerifications();
        BusinessException afterTheTimer = assertThrows(BusinessException.class, () -> admission.admit(nextYearsToken, tagsGet));
        assertEquals(OfficialAccountError.API_UNAUTHORIZED, afterTheTimer.code());
    }

    @Test
    void twoThousandTokensADayThenTheQuotaRefusesUntilTomorrow() throws Exception {
        OfficialAccounts.Registered app = serviceAccount();
        tokens.issue("client_credential", app.account().appId(), app.secret());
        usedToday(app.account(), "/cgi-bin/token", 1999);
        tokens.issue("client_credential", app.account().appId(), app.secret());
        BusinessException e = assertThrows(BusinessException.class,
                () -> tokens.issue("client_credential", app.account().appId(), app.secret()));
        assertEquals(WeChatApiError.DAILY_QUOTA_EXCEEDED, e.code());
        clock.advance(Duration.ofDays(1));
        tokens.issue("client_credential", app.account().appId(), app.secret());
    }

    @Test
    void verificationLapsesAfterAYearUnlessRenewed() {
        OfficialAccounts.Registered app = serviceAccount();
        String appId = app.account().appId();
        long ownerId = owners.get(appId);
        long adminId = people.byPhone(Settings.DEMO_ADMIN_PHONE).orElseThrow().id();
        var application = verifications.apply(ownerId, appId,
                List.of(new Verifications.Document(DocumentType.BUSINESS_LICENSE, "licence.png", "image/png", PNG)));
        verifications.approve(adminId, application.publicId(), null);
        OfficialAccount verified = accounts.byAppId(appId);
        accounts.requireCapability(verified, Capability.USER_MANAGEMENT);

        clock.advance(Duration.ofDays(366));
        BusinessException refused = assertThrows(BusinessException.class,
                () -> accounts.requireCapability(accounts.byAppId(appId), Capability.USER_MANAGEMENT));
        assertEquals(OfficialAccountError.API_UNAUTHORIZED, refused.code());
        assertEquals(VerificationStatus.LAPSED, accounts.byAppId(appId).verificationStatusAt(clock.clock().instant()),
                "reads as lapsed before the timer has recorded it");
        verifications.lapseExpiredVerifications();
        assertEquals(VerificationStatus.LAPSED, accounts.byAppId(appId).verificationStatus());
        assertTrue(audit.about("app:" + appId).stream().anyMatch(a -> a.action().equals("verification.lapsed")));
    }

    private final Map<String, Long> owners = new HashMap<>();

    /** Sets today's counter as if the account had made {@code used} calls, instead of making them. */
    private void usedToday(OfficialAccount account, String api, int used) throws Exception {
        transaction.begin();
        em.createNativeQuery("UPDATE api_quota_usage SET used = ? WHERE account_id = ? AND api = ?")
                .setParameter(1, used).setParameter(2, account.id()).setParameter(3, api).executeUpdate();
        transaction.commit();
    }

    private OfficialAccounts.Registered serviceAccount() {
        Person owner = people.create(TestData.cnPhone(), TestData.PASSWORD, "Owner");
        OfficialAccounts.Registered registered = accounts.register(owner.id(), new AccountRegistration(
                TestData.accountName("Time"), AccountType.SERVICE, AccountRegion.CN, EntityType.COMPANY, null,
                "Time Co.", "91310000" + TestData.digits(10), "Chen"));
        owners.put(registered.account().appId(), owner.id());
        return registered;
    }

    private String code(String phone) {
        return sms.recent(50).stream().filter(m -> m.phone().equals(phone)).findFirst().orElseThrow().body()
                .replaceAll("(?s).*?(\\d{6}).*", "$1");
    }
}
