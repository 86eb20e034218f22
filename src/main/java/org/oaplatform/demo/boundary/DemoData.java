package org.oaplatform.demo.boundary;

import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.officialaccounts.boundary.AccountRegistration;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.boundary.Verifications;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.DocumentType;
import org.oaplatform.officialaccounts.entity.EntityType;
import org.oaplatform.platform.boundary.SchemaMigrated;
import org.oaplatform.platform.control.Settings;

/**
 * Loads the documented demo data once, in dev mode only; a database that has the demo admin is left alone. It loads when
 * the schema is migrated, which is at deployment or, if the database was away then, whenever it comes back.
 */
@Singleton
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    public static final String ADMIN_PASSWORD = "Admin12345";
    public static final String OPERATOR_PHONE = "+8613900000001";
    public static final String OPERATOR_PASSWORD = "Operator123";
    public static final String PEOPLE_PASSWORD = "Demo12345";
    public static final String SERVICE_APPID = "wx0123456789abcdef";
    public static final String SERVICE_SECRET = "0123456789abcdef0123456789abcdef";
    public static final String SUBSCRIPTION_APPID = "wxfedcba9876543210";
    public static final String SUBSCRIPTION_SECRET = "fedcba9876543210fedcba9876543210";

    @Inject
    Settings settings;

    @Inject
    People people;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Verifications verifications;

    public void load(@Observes SchemaMigrated migrated) {
        if (!settings.devMode() || people.byPhone(Settings.DEMO_ADMIN_PHONE).isPresent()) {
            return;
        }
        Person admin = people.create(Settings.DEMO_ADMIN_PHONE, ADMIN_PASSWORD, "Platform Admin");
        Person operator = people.create(OPERATOR_PHONE, OPERATOR_PASSWORD, "Wang Operator");
        people.create("+8613900000002", PEOPLE_PASSWORD, "Li Lei");
        people.create("+8613900000003", PEOPLE_PASSWORD, "Han Meimei");
        people.create("+447400123456", PEOPLE_PASSWORD, "Alice");

        accounts.register(operator.id(), new AccountRegistration("OA Demo Service", AccountType.SERVICE, AccountRegion.CN,
                EntityType.COMPANY, "A verified service account to try the API with", "OA Demo Co., Ltd.",
                "91310000MA1DEMO001", "Wang Wei"), SERVICE_APPID, SERVICE_SECRET);
        var application = verifications.apply(operator.id(), SERVICE_APPID, List.of(new Verifications.Document(
                DocumentType.BUSINESS_LICENSE, "licence.pdf", "application/pdf",
                "%PDF-1.4\n% demo business licence\n".getBytes(StandardCharsets.US_ASCII))));
        if (settings.platformAdminPhones().contains(admin.phone())) {
            verifications.approve(admin.id(), application.publicId(), "demo data");
        }
        accounts.register(operator.id(), new AccountRegistration("OA Demo News", AccountType.SUBSCRIPTION,
                AccountRegion.CN, EntityType.INDIVIDUAL, "An unverified subscription account", null, null, null),
                SUBSCRIPTION_APPID, SUBSCRIPTION_SECRET);
        LOG.info("Demo data loaded (dev mode): see README.md for the credentials");
    }
}
