package org.oaplatform.platform.control;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How timers work through what fell due (expired transfers, red packets to refund, payouts to settle, top-ups to
 * reconcile, media to purge): item by item, each in the transaction its step opens. An item whose step fails is logged and left for the next run,
 * so that one bad row cannot hold back every item queued behind it, run after run, in the same order.
 */
public final class DueWork {

    private DueWork() {
    }

    /**
     * @param step settles one item in a transaction of its own; answers whether it changed anything
     * @return how many items the step changed
     */
    public static int each(List<Long> due, LongPredicate step, Logger log, String item) {
        int changed = 0;
        for (long id : due) {
            try {
                if (step.test(id)) {
                    changed++;
                }
            } catch (RuntimeException e) {
                log.log(Level.WARNING, e, () -> item + " " + id + " failed and is left for the next run");
            }
        }
        return changed;
    }

    /**
     * For work that may be due in larger numbers than one query should fetch (every merchant's settlement): batch
     * after batch until a batch comes back short. An item whose step failed stays due and comes back in the next
     * batch; it is skipped there, so that it is tried once a run and a batch of failures ends the run.
     *
     * @param nextBatch the ids due now, at most the given number, in a stable order
     * @return how many items the step changed
     */
    public static int inBatches(int size, IntFunction<List<Long>> nextBatch, LongPredicate step, Logger log,
            String item) {
        Set<Long> tried = new HashSet<>();
        int changed = 0;
        List<Long> batch;
        do {
            batch = nextBatch.apply(size);
            List<Long> untried = batch.stream().filter(tried::add).toList();
            if (untried.isEmpty()) {
                break;
            }
            changed += each(untried, step, log, item);
        } while (batch.size() == size);
        return changed;
    }
}
