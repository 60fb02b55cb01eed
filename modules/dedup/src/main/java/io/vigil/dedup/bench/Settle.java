package io.vigil.dedup.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits for this process to go quiet: after a bulk load of millions of entries RocksDB compacts in
 * background threads for a while, which a stage that reached the same size over days would not be
 * doing; measuring during it would measure the bulk load.
 */
final class Settle {

    /** Quiet: under a tenth of a core over a two-second window. */
    private static final double QUIET_CORES = 0.1;

    private static final long WINDOW_MS = 2_000;

    private Settle() {}

    /**
     * @return the seconds waited (at most {@code maxSeconds})
     */
    static double awaitQuiet(int maxSeconds) throws InterruptedException {
        long t0 = System.nanoTime();
        long cpu = cpuMillis();
        while (cpu >= 0 && System.nanoTime() - t0 < maxSeconds * 1_000_000_000L) {
            Thread.sleep(WINDOW_MS);
            long now = cpuMillis();
            if (now - cpu < QUIET_CORES * WINDOW_MS) {
                break;
            }
            cpu = now;
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** CPU time of the whole process (all threads, RocksDB's native ones too), or -1. */
    static long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.UTF_8);
            // fields after the command name, which is in parentheses: utime is the 12th, stime 13th
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
