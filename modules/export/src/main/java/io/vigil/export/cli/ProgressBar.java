package io.vigil.export.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal: done, total, rate and time left; redrawn twice a second.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private long exported;
    private long total;
    private long first = -1;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    void update(long exported, long total) {
        if (first < 0) {
            first = exported;
        }
        this.exported = exported;
        this.total = total;
        long now = System.nanoTime();
        if (now - lastDrawn > 500_000_000L) {
            lastDrawn = now;
            draw(now);
        }
    }

    void finish() {
        draw(System.nanoTime());
        err.println();
    }

    private void draw(long now) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) exported / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = (exported - Math.max(first, 0)) / seconds;
        long left = rate > 0 ? (long) ((total - exported) / rate) : 0;
        err.print(
                String.format(
                        Locale.ROOT,
                        "\r[%s%s] %3.0f%% %,d/%,d articles %,.0f/s %ds left ",
                        "#".repeat(filled),
                        " ".repeat(WIDTH - filled),
                        fraction * 100,
                        exported,
                        total,
                        rate,
                        left));
        err.flush();
    }
}
