package org.oaplatform.officialaccounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;

/** Official accounts through the client API: registration, secret, members, visibility, verification review. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfficialAccountsApiIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void registersAServiceAccountAndShowsTheSecretOnce() {
        Api owner = owner();
        Reply created = owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Svc")));
        assertEquals(201, created.status(), created.text());
        String appid = created.json().getString("appid");
        assertTrue(appid.matches("wx[0-9a-f]{16}"), appid);
        assertTrue(created.json().getString("secret").matches("[0-9a-f]{32}"));

        Reply detail = owner.get("api/v1/official-accounts/" + appid);
        assertEquals(200, detail.status(), detail.text());
        assertFalse(detail.json().containsKey("secret"));
        assertEquals("OWNER", detail.json().getString("role"));
        assertEquals("UNVERIFIED", detail.json().getString("verificationStatus"));
        assertTrue(owner.get("api/v1/me/official-accounts").text().contains(appid));
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        Api owner = owner();
        String name = TestData.accountName("Dup");
        assertEquals(201, owner.post("api/v1/official-accounts", TestData.serviceAccount(name)).status());
        Reply again = owner().post("api/v1/official-accounts", TestData.serviceAccount(name.toUpperCase()));
        assertEquals(409, again.status(), again.text());
        assertEquals("account-name-taken", again.problem());
    }

    @Test
    void eligibilityRules() {
        Api cnOwner = owner();
        Reply individualService = cnOwner.post("api/v1/official-accounts", Json.createObjectBuilder()
                .add("name", TestData.accountName("Ind")).add("type", "SERVICE").add("region", "CN")
                .add("entityType", "INDIVIDUAL").build());
        assertEquals(422, individualService.status(), individualService.text());
        assertEquals("not-eligible", individualService.problem());

        Reply orgWithoutLegalDetails = cnOwner.post("api/v1/official-accounts", Json.createObjectBuilder()
                .add("name", TestData.accountName("Org")).add("type", "SERVICE").add("region", "CN")
                .add("entityType", "COMPANY").build());
        assertEquals(400, orgWithoutLegalDetails.status());

        Api ukOwner = ukPerson();
        Reply cnAccountByForeigner = ukOwner.post("api/v1/official-accounts",
                TestData.serviceAccount(TestData.accountName("Cn")));
        assertEquals(422, cnAccountByForeigner.status(), cnAccountByForeigner.text());

        Reply shortName = cnOwner.post("api/v1/official-accounts", TestData.serviceAccount("x"));
        assertEquals(400, shortName.status());
        assertEquals("validation-failed", shortName.problem());

        Reply unknownType = cnOwner.post("api/v1/official-accounts", Json.createObjectBuilder()
                .add("name", TestData.accountName("Typ")).add("type", "BANANA").add("region", "CN")
                .add("entityType", "COMPANY").build());
        assertEquals(400, unknownType.status(), unknownType.text());

        Reply anonymous = new Api(base).post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("A")));
        assertEquals(401, anonymous.status());
    }

    @Test
    void mainlandPeopleDoNotSeeInternationalAccounts() {
        Api ukOwner = ukPerson();
        String marker = TestData.digits(8);
        Reply intl = ukOwner.post("api/v1/official-accounts", Json.createObjectBuilder()
                .add("name", "Intl " + marker).add("type", "SUBSCRIPTION").add("region", "INTERNATIONAL")
                .add("entityType", "INDIVIDUAL").build());
        assertEquals(201, intl.status(), intl.text());
        Api cnOwner = owner();
        Reply cn = cnOwner.post("api/v1/official-accounts", TestData.serviceAccount("Cn " + marker));
        assertEquals(201, cn.status(), cn.text());

        Reply seenFromCn = cnOwner.get("api/v1/official-accounts?q=" + marker);
        assertEquals(1, seenFromCn.array().size(), seenFromCn.text());
        Reply seenFromUk = ukOwner.get("api/v1/official-accounts?q=" + marker);
        assertEquals(2, seenFromUk.array().size(), seenFromUk.text());
    }

    @Test
    void ownerAddsOperatorsWhoMayNotResetTheSecret() {
        Api owner = owner();
        String appid = owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Mem")))
                .json().getString("appid");
        String operatorPhone = TestData.cnPhone();
        Api operator = new Api(base);
        operator = operator.as(TestData.registerAndLogIn(operator, operatorPhone));

        Reply added = owner.post("api/v1/official-accounts/" + appid + "/members", Json.createObjectBuilder()
                .add("phone", operatorPhone).add("role", "OPERATOR").build());
        assertEquals(201, added.status(), added.text());
        Reply again = owner.post("api/v1/official-accounts/" + appid + "/members", Json.createObjectBuilder()
                .add("phone", operatorPhone).add("role", "ADMIN").build());
        assertEquals(409, again.status());

        assertEquals("OPERATOR", operator.get("api/v1/official-accounts/" + appid).json().getString("role"));
        Reply forbidden = operator.post("api/v1/official-accounts/" + appid + "/secret", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(403, forbidden.status(), forbidden.text());

        Reply stranger = owner().get("api/v1/official-accounts/" + appid);
        assertEquals(404, stranger.status());
    }

    @Test
    void verificationWorkflowThroughTheAdminApi() {
        Api owner = owner();
        String name = TestData.accountName("Ver");
        String appid = owner.post("api/v1/official-accounts", TestData.serviceAccount(name)).json().getString("appid");

        Reply wrongType = apply(owner, appid, "application/pdf", PNG);
        assertEquals(400, wrongType.status(), wrongType.text());
        assertEquals("document-rejected", wrongType.problem());

        Reply applied = apply(owner, appid, "image/png", PNG);
        assertEquals(201, applied.status(), applied.text());
        String applicationId = applied.json().getString("id");
        assertEquals("PENDING", applied.json().getString("status"));
        assertEquals(409, apply(owner, appid, "image/png", PNG).status());

        assertEquals(403, owner.get("api/v1/admin/verifications").status());
        Api admin = new Api(base);
        admin = admin.as(TestData.adminSession(admin));
        Reply queue = admin.get("api/v1/admin/verifications");
        assertEquals(200, queue.status(), queue.text());
        assertTrue(queue.text().contains(applicationId));
        assertFalse(admin.get("api/v1/admin/verifications?status=APPROVED").text().contains(applicationId));
        Reply unknownStatus = admin.get("api/v1/admin/verifications?status=WAITING");
        assertEquals(400, unknownStatus.status(), unknownStatus.text());
        assertEquals("status: must be one of PENDING, APPROVED, REJECTED",
                unknownStatus.json().getString("detail"));

        Reply noReason = admin.post("api/v1/admin/verifications/" + applicationId + "/reject",
                JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(400, noReason.status());

        Reply approved = admin.post("api/v1/admin/verifications/" + applicationId + "/approve",
                Json.createObjectBuilder().add("reason", "documents in order").build());
        assertEquals(200, approved.status(), approved.text());
        assertEquals("APPROVED", approved.json().getString("status"));
        Reply twice = admin.post("api/v1/admin/verifications/" + applicationId + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(409, twice.status());

        JsonObject account = owner.get("api/v1/official-accounts/" + appid).json();
        assertTrue(account.getBoolean("verified"));
        assertEquals("VERIFIED", account.getString("verificationStatus"));
    }

    @Test
    void rejectionKeepsTheAccountUnverifiedAndIndividualsCannotApply() {
        Api owner = owner();
        String appid = owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Rej")))
                .json().getString("appid");
        String applicationId = apply(owner, appid, "image/png", PNG).json().getString("id");
        Api admin = new Api(base);
        admin = admin.as(TestData.adminSession(admin));
        Reply rejected = admin.post("api/v1/admin/verifications/" + applicationId + "/reject",
                Json.createObjectBuilder().add("reason", "licence unreadable").build());
        assertEquals(200, rejected.status(), rejected.text());
        assertEquals("licence unreadable", rejected.json().getString("reason"));
        assertFalse(owner.get("api/v1/official-accounts/" + appid).json().getBoolean("verified"));

        String individual = owner.post("api/v1/official-accounts", Json.createObjectBuilder()
                .add("name", TestData.accountName("Solo")).add("type", "SUBSCRIPTION").add("region", "CN")
                .add("entityType", "INDIVIDUAL").build()).json().getString("appid");
        Reply refused = apply(owner, individual, "image/png", PNG);
        assertEquals(422, refused.status(), refused.text());
    }

    private Reply apply(Api owner, String appid, String contentType, byte[] content) {
        return owner.post("api/v1/official-accounts/" + appid + "/verification-applications", Json.createObjectBuilder()
                .add("documents", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "BUSINESS_LICENSE").add("fileName", "licence.png").add("contentType", contentType)
                        .add("content", Base64.getEncoder().encodeToString(content)))).build());
    }

    private Api owner() {
        Api api = new Api(base);
        return api.as(TestData.registerAndLogIn(api, TestData.cnPhone()));
    }

    private Api ukPerson() {
        Api api = new Api(base);
        return api.as(TestData.registerAndLogIn(api, TestData.ukPhone()));
    }
}
