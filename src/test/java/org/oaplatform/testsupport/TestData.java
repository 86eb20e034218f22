package org.oaplatform.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid, unique-enough data for each test: tests never share people, phones or names. */
public final class TestData {

    public static final String ADMIN_PHONE = "+8613800000000";
    public static final String ADMIN_PASSWORD = "Admin12345";
    public static final String PASSWORD = "Secret1234";

    private TestData() {
    }

    /** A random mainland mobile number in E.164. */
    public static String cnPhone() {
        return "+86139" + digits(8);
    }

    /** A random UK mobile number in E.164. */
    public static String ukPhone() {
        return "+447400" + digits(6);
    }

    /** A random private address, so that per-address limits of tests never meet. */
    public static String clientAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static String accountName(String prefix) {
        return prefix + " " + digits(8);
    }

    public static String digits(int n) {
        StringBuilder sb = new StringBuilder();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(10));
        }
        return sb.toString();
    }

    /** Registers a person through the API and returns a session token. */
    public static String registerAndLogIn(Api api, String phone) {
        register(api, phone, PASSWORD);
        return logIn(api, phone, PASSWORD);
    }

    public static void register(Api api, String phone, String password) {
        Api.Reply sent = api.post("api/v1/verification-codes", Json.createObjectBuilder().add("phone", phone).build());
        if (sent.status() != 202) {
            throw new AssertionError("code not sent: " + sent);
        }
        Api.Reply created = api.post("api/v1/accounts", Json.createObjectBuilder().add("phone", phone)
                .add("code", api.latestCode(phone)).add("password", password).add("displayName", "Tester " + phone.substring(phone.length() - 4))
                .build());
        if (created.status() != 201) {
            throw new AssertionError("not registered: " + created);
        }
    }

    public static String logIn(Api api, String phone, String password) {
        Api.Reply session = api.post("api/v1/sessions", Json.createObjectBuilder().add("phone", phone)
                .add("password", password).build());
        if (session.status() != 201) {
            throw new AssertionError("no session: " + session);
        }
        return session.json().getString("token");
    }

    /** The platform admin of the test installation ({@code OA_PLATFORM_ADMINS}); registered by the first test that needs it. */
    public static String adminSession(Api api) {
        Api.Reply session = api.post("api/v1/sessions", Json.createObjectBuilder().add("phone", ADMIN_PHONE)
                .add("password", ADMIN_PASSWORD).build());
        if (session.status() == 201) {
            return session.json().getString("token");
        }
        register(api, ADMIN_PHONE, ADMIN_PASSWORD);
        return logIn(api, ADMIN_PHONE, ADMIN_PASSWORD);
    }

    /** An official account and its credentials, with a session of its owner. */
    public record App(Api owner, String appid, String secret) {
        /** A fresh access token of the account. */
        public String token() {
            Api.Reply reply = owner.get("cgi-bin/token?grant_type=client_credential&appid=" + appid + "&secret=" + secret);
            if (reply.errcode() != 0) {
                throw new AssertionError("no token: " + reply);
            }
            return reply.json().getString("access_token");
        }
    }

    /** Registers a service account for {@code owner} and has the platform admin verify it. */
    public static App verifiedServiceAccount(Api owner) {
        JsonObject created = owner.post("api/v1/official-accounts", serviceAccount(accountName("Svc"))).json();
        String appid = created.getString("appid");
        verify(owner, appid);
        return new App(owner, appid, created.getString("secret"));
    }

    /** The owner applies for verification with a licence, and the platform admin approves. */
    public static void verify(Api owner, String appid) {
        String application = owner.post("api/v1/official-accounts/" + appid + "/verification-applications",
                Json.createObjectBuilder().add("documents", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "BUSINESS_LICENSE").add("fileName", "licence.pdf").add("contentType", "application/pdf")
                        .add("content", java.util.Base64.getEncoder().encodeToString("%PDF-1.4 licence".getBytes()))))
                        .build()).json().getString("id");
        Api admin = new Api(owner.base(), clientAddress());
        admin = admin.as(adminSession(admin));
        Api.Reply approved = admin.post("api/v1/admin/verifications/" + application + "/approve",
                Json.createObjectBuilder().build());
        if (approved.status() != 200) {
            throw new AssertionError("not approved: " + approved);
        }
    }

    /** A person registered and logged in, as an API client of their own. */
    public static Api person(Api api, String phone) {
        Api client = new Api(api.base(), clientAddress());
        return client.as(registerAndLogIn(client, phone));
    }

    public static JsonObject serviceAccount(String name) {
        return Json.createObjectBuilder().add("name", name).add("type", "SERVICE").add("region", "CN")
                .add("entityType", "COMPANY").add("description", "test account")
                .add("legalName", "Test Co., Ltd.").add("registrationNumber", "91310000" + digits(10))
                .add("legalRepresentative", "Zhang San").build();
    }
}
