package org.oaplatform.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Opens the {@link DatabaseLink} before the first test of an integration-test run (the test domain's pool connects
 * through it from the first deployment on) and closes it at the end. Registered in
 * {@code META-INF/services}; does nothing in unit-test runs, which have no {@code it.db.link.port}.
 */
public class DatabaseLinkSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        DatabaseLink.startIfConfigured();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        DatabaseLink.stop();
    }
}
