package io.vigil.crawler.backfill;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The import's progress line (stderr, redrawn at most twice a second) and its summary. */
final class Progress {

    private final PrintStream err;
    private final int files;
    private final long start = System.nanoTime();
    private final List<String> problems = new ArrayList<>();
    private int file;
    private String name = "";
    private long imported;
    private long resumed;
    private long lastDrawn;

    Progress(PrintStream err, int files) {
        this.err = err;
        this.files = files;
    }

    void file(Path path, long alreadyDone) {
        file++;
        name = path.getFileName().toString();
        if (alreadyDone == Long.MAX_VALUE) {
            resumed++;
        }
        draw(true);
    }

    void imported() {
        imported++;
        draw(false);
    }

    void problem(String problem) {
        problems.add(problem);
        draw(false);
    }

    List<String> problems() {
        return problems;
    }

    void end() {
        draw(true);
        err.println();
    }

    String summary() {
        double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
        return String.format(
                Locale.ROOT,
                "imported %s articles from %d file(s) in %.1f s (%.0f/s); %d record(s) were not"
                        + " articles%s",
                ImportCommand.format(imported),
                files,
                seconds,
                imported / seconds,
                problems.size(),
                resumed > 0 ? "; " + resumed + " file(s) were already imported" : "");
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDrawn < 500_000_000L) {
            return;
        }
        lastDrawn = now;
        double seconds = Math.max(0.001, (now - start) / 1e9);
        err.printf(
                Locale.ROOT,
                "\rimporting [%d/%d] %-32.32s %12s articles %6d problems %8.0f/s",
                file,
                files,
                name,
                ImportCommand.format(imported),
                problems.size(),
                imported / seconds);
        err.flush();
    }
}
