package org.oaplatform.platform.boundary;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Logger;
import org.oaplatform.platform.control.DatabaseOutages;
import org.oaplatform.platform.control.SchemaReadiness;

/**
 * Every EJB timer of the application (a default interceptor, {@code WEB-INF/ejb-jar.xml}) skips its run while the schema
 * is not migrated, and a run that finds the database away ends quietly: the work stays due in the database and the next
 * run does it. A timeout that fails is retried once and then, unless the server reschedules failed timers
 * ({@code server-config/resources.asadmin}), cancelled for good.
 */
public class TimeoutsWaitForTheDatabase {

    private static final Logger LOG = Logger.getLogger(TimeoutsWaitForTheDatabase.class.getName());

    @Inject
    SchemaReadiness readiness;

    @AroundTimeout
    Object unlessTheDatabaseIsAway(InvocationContext timeout) throws Exception {
        String timer = timeout.getMethod().getDeclaringClass().getSimpleName() + "." + timeout.getMethod().getName();
        if (!readiness.isReady()) {
            LOG.fine(() -> timer + " skipped: the schema is not migrated yet");
            return null;
        }
        try {
            return timeout.proceed();
        } catch (RuntimeException e) {
            if (!DatabaseOutages.causedBy(e)) {
                throw e;
            }
            LOG.warning(() -> timer + " skipped this run: the database is unreachable (" + e + ")");
            return null;
        }
    }
}
