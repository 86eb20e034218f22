package org.oaplatform.broadcasts.control;

/**
 * How far a broadcast's fan-out has come, in chunks. Chunks are planned only a chunk or two ahead of the fan-out, so
 * the total is known for certain only at the end; while sending it is estimated from the targets the broadcast expects:
 * chunks end at every {@code chunkSize}-th target and one more finds fewer left, so {@code n} targets take
 * {@code n / chunkSize + 1} chunks. A sending broadcast never shows 100 %, a finished one always does.
 */
public record BroadcastProgress(int done, int total) {

    public static BroadcastProgress finished(int done) {
        return new BroadcastProgress(done, done);
    }

    public static BroadcastProgress sending(int done, int pending, long expectedTargets, int chunkSize) {
        long byTargets = Math.max(0, expectedTargets) / Math.max(1, chunkSize) + 1;
        long total = Math.max(Math.max(done + pending, byTargets), done + 1L);
        return new BroadcastProgress(done, (int) Math.min(Integer.MAX_VALUE, total));
    }

    /** 0 to 100, rounded down: 100 only when every chunk is done (a sending broadcast has at least one to do). */
    public int percent() {
        return done >= total ? 100 : (int) (100L * done / total);
    }
}
