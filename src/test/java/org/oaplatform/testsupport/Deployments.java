package org.oaplatform.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
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

    /** The WAR plus the movable clock, for in-container tests that travel in time. */
    public static WebArchive warWithMovableClock() {
        return war().addClasses(MovableClock.class, Deployments.class, Api.class, Api.Reply.class, TestData.class,
                TestData.App.class, WalletData.class, WalletData.Holder.class, SandboxCards.class);
    }
}
