package io.vigil.export.web;

import io.vigil.export.ExportRequest;
import io.vigil.export.FileExport;
import io.vigil.export.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background exports: each in its own directory under {@code vigil.export.directory} (data file and
 * manifest), at most {@code max-running-jobs} at once, the others queued. Jobs are kept in memory
 * (a restart forgets them; their files stay) and removed with their files after {@code
 * job-retention}. Thread-safe.
 */
public final class ExportJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExportJobs.class);

    private final FileExport export;
    private final Path directory;
    private final java.time.Duration retention;
    private final Clock clock;
    private final ExecutorService executor;
    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();

    public ExportJobs(
            FileExport export,
            Path directory,
            java.time.Duration retention,
            int running,
            Clock clock) {
        this.export = export;
        this.directory = directory;
        this.retention = retention;
        this.clock = clock;
        this.executor =
                Executors.newFixedThreadPool(
                        running,
                        r -> {
                            Thread t = new Thread(r, "export-job");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Queues an export; the job as it starts. */
    public ExportJob submit(ExportRequest request) {
        sweep();
        String id = UUID.randomUUID().toString();
        Path data =
                directory
                        .resolve(id)
                        .resolve("articles." + request.format().extension(request.gzip()));
        Entry entry = new Entry(id, data, clock.instant());
        jobs.put(id, entry);
        executor.submit(() -> run(entry, request));
        return entry.view();
    }

    /** The job, or null when there is none. */
    public ExportJob find(String id) {
        Entry e = jobs.get(id);
        return e == null ? null : e.view();
    }

    /** The data file of a finished job, or null. */
    public Path data(String id) {
        Entry e = jobs.get(id);
        return e != null && e.state == ExportJob.State.DONE ? e.data : null;
    }

    private void run(Entry entry, ExportRequest request) {
        entry.state = ExportJob.State.RUNNING;
        try {
            Manifest m =
                    export.run(
                            request,
                            entry.data,
                            (n, total) -> {
                                entry.exported = n;
                                entry.total = total;
                            });
            entry.exported = m.files().get(0).rows();
            entry.state = ExportJob.State.DONE;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Export job {} failed: {}", entry.id, e.toString());
            entry.error = e.getMessage() == null ? e.toString() : e.getMessage();
            entry.state = ExportJob.State.FAILED;
        } finally {
            entry.finishedAt = clock.instant();
        }
    }

    private void sweep() {
        Instant limit = clock.instant().minus(retention);
        jobs.values()
                .removeIf(
                        e -> {
                            if (e.finishedAt == null || e.finishedAt.isAfter(limit)) {
                                return false;
                            }
                            delete(e.data.getParent());
                            return true;
                        });
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete the old export {}: {}", dir, e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class Entry {
        final String id;
        final Path data;
        final Instant createdAt;
        volatile ExportJob.State state = ExportJob.State.QUEUED;
        volatile long exported;
        volatile long total;
        volatile Instant finishedAt;
        volatile String error;

        Entry(String id, Path data, Instant createdAt) {
            this.id = id;
            this.data = data;
            this.createdAt = createdAt;
        }

        ExportJob view() {
            boolean done = state == ExportJob.State.DONE;
            String base = "/api/exports/jobs/" + id;
            return new ExportJob(
                    id,
                    state,
                    exported,
                    total,
                    done ? 1.0 : total == 0 ? 0.0 : (double) exported / total,
                    createdAt,
                    finishedAt,
                    error,
                    done ? base + "/data" : null,
                    done ? base + "/manifest" : null);
        }
    }
}
