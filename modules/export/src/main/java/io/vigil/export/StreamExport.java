package io.vigil.export;

import io.vigil.core.json.Json;
import io.vigil.export.format.RowWriter;
import io.vigil.export.manifest.Manifest;
import io.vigil.export.manifest.VigilVersion;
import io.vigil.export.scan.ArticleScan;
import io.vigil.export.schema.ExportField;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An export streamed as one ZIP archive (an HTTP download): the data file first, written as the
 * pages arrive, then {@code manifest.json} with the data file's SHA-256. Nothing is held but one
 * page.
 */
public final class StreamExport {

    private final Exporter exporter;
    private final Clock clock;

    public StreamExport(Exporter exporter, Clock clock) {
        this.exporter = exporter;
        this.clock = clock;
    }

    /**
     * Fixes the window, checks the query, opens the point in time and counts the articles.
     *
     * @throws io.vigil.core.search.InvalidQueryException when the query is malformed
     */
    public Prepared prepare(ExportRequest request) throws IOException {
        Instant now = clock.instant();
        ExportRequest fixed = exporter.fix(request, now);
        ArticleScan scan = exporter.open(fixed, null);
        try {
            return new Prepared(fixed, scan, scan.count(), now);
        } catch (IOException | RuntimeException e) {
            scan.close();
            throw e;
        }
    }

    /** The name of the data file inside the archive. */
    public static String dataName(ExportRequest request) {
        return "articles." + request.format().extension(request.gzip());
    }

    /** Writes the archive to {@code out} and closes the scan. */
    public Manifest write(Prepared p, OutputStream out) throws IOException {
        try (p;
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ExportRequest request = p.request();
            zip.putNextEntry(new ZipEntry(dataName(request)));
            DataStream data = DataStream.of(new Unclosed(zip), request.gzip());
            long rows;
            try (RowWriter writer = request.format().open(data, request.fields(), request.gzip())) {
                rows =
                        exporter.copy(
                                p.scan(),
                                writer,
                                0,
                                p.total(),
                                ExportProgress.NONE,
                                Exporter.Checkpoint.NONE);
            }
            zip.closeEntry();
            Manifest manifest =
                    new Manifest(
                            Manifest.VERSION,
                            VigilVersion.get(),
                            p.startedAt(),
                            clock.instant(),
                            exporter.describe(request),
                            new Manifest.Snapshot(
                                    exporter.settings().alias(),
                                    p.scan().cursor().pointInTime(),
                                    p.total(),
                                    false),
                            request.format(),
                            request.gzip(),
                            ExportField.SCHEMA_VERSION,
                            Manifest.Column.of(request.fields()),
                            request.includesText(),
                            Manifest.COPYRIGHT,
                            List.of(
                                    new Manifest.DataFile(
                                            dataName(request), rows, data.bytes(), data.sha256())),
                            Manifest.REPRODUCE);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(new Unclosed(zip), manifest);
            zip.closeEntry();
            return manifest;
        }
    }

    /**
     * An export ready to stream: window fixed, point in time open.
     *
     * @param request the request, window fixed
     * @param scan the open scan
     * @param total matching articles in the snapshot
     * @param startedAt the export's time
     */
    public record Prepared(ExportRequest request, ArticleScan scan, long total, Instant startedAt)
            implements Closeable {
        @Override
        public void close() {
            scan.close();
        }
    }

    /** A stream whose close() only flushes: the archive goes on after the entry. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
