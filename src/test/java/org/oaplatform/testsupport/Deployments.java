package org.oaplatform.testsupport;

import java.io.File;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Integration tests deploy the WAR the build produced, not a hand-picked list of classes. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive war() {
        // The domain's pool reaches the database through the link: it must be up before anything deploys.
        DatabaseLink.startIfConfigured();
        String path = System.getProperty("oa.war", "target/oa-platform.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }

    /**
     * The WAR as a production installation without a bank runs it ({@code oa.bank.gateway=none}), with the test
     * helpers, for in-container tests.
     */
    public static WebArchive warWithoutBank() {
        return warWithSettings(Map.of("oa.bank.gateway", "none")).addClasses(Deployments.class, Api.class,
                Api.Reply.class, Api.Download.class, TestData.class, TestData.App.class, Eventually.class,
                WalletData.class, WalletData.Holder.class,
                SandboxCards.class);
    }

    /**
     * The WAR with MicroProfile Config settings of its own, e.g. another bank gateway. They come from a second
     * {@code microprofile-config.properties} of a higher ordinal in a library of the WAR: the test domain's
     * environment (dev mode, no {@code OA_BANK_*}) cannot change per deployment, and the WAR's own file stays as it is.
     */
    public static WebArchive warWithSettings(Map<String, String> settings) {
        StringBuilder properties = new StringBuilder("config_ordinal=150\n");
        settings.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        JavaArchive library = ShrinkWrap.create(JavaArchive.class, "test-settings.jar")
                .addAsManifestResource(new StringAsset(properties.toString()), "microprofile-config.properties");
        return war().addAsLibrary(library);
    }

    /** The WAR plus the movable clock, for in-container tests that travel in time. */
    public static WebArchive warWithMovableClock() {
        return war().addClasses(MovableClock.class, Deployments.class, Api.class, Api.Reply.class, Api.Download.class,
                TestData.class, TestData.App.class, Eventually.class, WalletData.class, WalletData.Holder.class, SandboxCards.class,
                MultipartBody.class, SampleMedia.class);
    }
}
