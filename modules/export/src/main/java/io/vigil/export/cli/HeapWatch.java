package io.vigil.export.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the heap in use every 20 ms; the peak seen, for benchmarks ({@code --stats}). */
final class HeapWatch implements Runnable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread = new Thread(this, "heap-watch");
    private volatile boolean running = true;
    private volatile long peak;

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        watch.thread.setDaemon(true);
        watch.thread.start();
        return watch;
    }

    @Override
    public void run() {
        while (running) {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling; the peak heap in use, in MiB. */
    long stop() {
        running = false;
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        return peak / (1024 * 1024);
    }
}
