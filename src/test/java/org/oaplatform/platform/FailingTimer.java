package org.oaplatform.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/** A timer whose first runs fail, as the application's timers do while the database is away (DatabaseOutageIT). */
@Singleton
public class FailingTimer {

    static final int FAILURES = 3;

    private final AtomicInteger runs = new AtomicInteger();

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "failing-timer")
    void run() {
        if (runs.incrementAndGet() <= FAILURES) {
            throw new IllegalStateException("failing on purpose, run " + runs.get());
        }
    }

    public int runs() {
        return runs.get();
    }
}
