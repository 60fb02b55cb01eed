package io.vigil.export;

import io.vigil.core.json.Json;
import io.vigil.export.format.RowWriter;
import io.vigil.export.manifest.Manifest;
import io.vigil.export.manifest.VigilVersion;
import io.vigil.export.scan.ArticleScan;
import io.vigil.export.scan.Cursor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An export to a file with its manifest beside it ({@code <data>.manifest.json}), resumable: every
 * {@code checkpoint-interval} the rows written are pushed to disk and the cursor saved in {@code
 * <data>.cursor.json} ({@link ResumeState}). Run again with the same request after an interruption,
 * it cuts the file back to the last checkpoint and goes on from there (CSV and JSON Lines; a
 * Parquet file is only complete with its footer, so Parquet starts over).
 */
public final class FileExport {

    private static final Logger LOG = LoggerFactory.getLogger(FileExport.class);

    private final Exporter exporter;
    private final Clock clock;

    public FileExport(Exporter exporter, Clock clock) {
        this.exporter = exporter;
        this.clock = clock;
    }

    /** Where the manifest of {@code data} goes. */
    public static Path manifestOf(Path data) {
        return data.resolveSibling(data.getFileName() + ".manifest.json");
    }

    /** Whether an unfinished export of {@code data} can be resumed. */
    public static boolean resumable(Path data) {
        return Files.exists(ResumeState.of(data)) && Files.exists(data);
    }

    /**
     * Exports {@code request} to {@code data} (resuming an unfinished export of the same request),
     * then writes the manifest.
     *
     * @throws io.vigil.core.search.InvalidQueryException when the query is malformed
     */
    public Manifest run(ExportRequest request, Path data, ExportProgress progress)
            throws IOException {
        Path sidecar = ResumeState.of(data);
        ResumeState resume = resumeState(request, data, sidecar);
        Instant startedAt = resume == null ? clock.instant() : resume.startedAt();
        ExportRequest fixed = resume == null ? exporter.fix(request, startedAt) : resume.request();
        if (data.getParent() != null) {
            Files.createDirectories(data.getParent());
        }
        long total;
        long rows;
        String sha256;
        long bytes;
        String pointInTime;
        try (ArticleScan scan = exporter.open(fixed, resume == null ? null : resume.cursor())) {
            total = resume == null ? scan.count() : resume.total();
            DataStream stream = resume == null ? fresh(data, fixed) : appending(data, resume);
            long already = resume == null ? 0 : resume.rows();
            Exporter.Checkpoint checkpoint = Exporter.Checkpoint.NONE;
            try (RowWriter writer = fixed.format().open(stream, fixed.fields(), fixed.gzip())) {
                if (fixed.format().resumable()) {
                    checkpoint = checkpoints(fixed, startedAt, total, writer, stream, sidecar);
                    checkpoint.at(scan.cursor(), already);
                }
                progress.update(already, total);
                try {
                    rows = exporter.copy(scan, writer, already, total, progress, checkpoint);
                } catch (IOException | RuntimeException e) {
                    if (Files.exists(sidecar)) {
                        scan.keepOpen(); // a resumed export reads the same snapshot
                    }
                    throw e;
                }
            }
            sha256 = stream.sha256();
            bytes = stream.bytes();
            pointInTime = scan.cursor().pointInTime();
        }
        Manifest manifest =
                new Manifest(
                        Manifest.VERSION,
                        VigilVersion.get(),
                        startedAt,
                        clock.instant(),
                        exporter.describe(fixed),
                        new Manifest.Snapshot(
                                exporter.settings().alias(), pointInTime, total, resume != null),
                        fixed.format(),
                        fixed.gzip(),
                        io.vigil.export.schema.ExportField.SCHEMA_VERSION,
                        Manifest.Column.of(fixed.fields()),
                        fixed.includesText(),
                        Manifest.COPYRIGHT,
                        List.of(
                                new Manifest.DataFile(
                                        data.getFileName().toString(), rows, bytes, sha256)),
                        Manifest.REPRODUCE);
        Json.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValue(manifestOf(data).toFile(), manifest);
        Files.deleteIfExists(sidecar);
        LOG.info("Exported {} articles to {} ({} bytes)", rows, data, bytes);
        return manifest;
    }

    private ResumeState resumeState(ExportRequest request, Path data, Path sidecar)
            throws IOException {
        if (!Files.exists(sidecar) || !Files.exists(data)) {
            return null;
        }
        ResumeState state = ResumeState.read(sidecar);
        ExportRequest asBefore =
                request.with(request.filter().until(state.request().filter().to()));
        if (!asBefore.equals(state.request())) {
            LOG.info("{} holds another export's cursor; starting over", sidecar);
            return null;
        }
        LOG.info("Resuming the export to {} after {} articles", data, state.rows());
        return state;
    }

    private static DataStream fresh(Path data, ExportRequest request) throws IOException {
        return DataStream.of(Files.newOutputStream(data), request.gzip());
    }

    private static DataStream appending(Path data, ResumeState state) throws IOException {
        try (FileChannel channel = FileChannel.open(data, StandardOpenOption.WRITE)) {
            channel.truncate(state.bytes());
        }
        OutputStream out = Files.newOutputStream(data, StandardOpenOption.APPEND);
        try (InputStream prefix = Files.newInputStream(data)) {
            return DataStream.appending(out, state.request().gzip(), prefix);
        }
    }

    private Exporter.Checkpoint checkpoints(
            ExportRequest request,
            Instant startedAt,
            long total,
            RowWriter writer,
            DataStream stream,
            Path sidecar) {
        long interval = exporter.settings().checkpointInterval().toNanos();
        long[] last = {Long.MIN_VALUE};
        return (Cursor cursor, long rows) -> {
            long now = System.nanoTime();
            if (last[0] != Long.MIN_VALUE && now - last[0] < interval) {
                return;
            }
            last[0] = now;
            writer.flush();
            long bytes = stream.checkpoint();
            new ResumeState(request, startedAt, cursor, rows, bytes, total).write(sidecar);
        };
    }
}
