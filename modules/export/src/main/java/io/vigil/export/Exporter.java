package io.vigil.export;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import io.vigil.core.json.Json;
import io.vigil.core.search.ArticleDocument;
import io.vigil.core.search.ArticleFilters;
import io.vigil.export.format.RowWriter;
import io.vigil.export.manifest.Manifest;
import io.vigil.export.scan.ArticleScan;
import io.vigil.export.scan.Cursor;
import io.vigil.export.schema.ExportField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Exports articles: the search API's query ({@link ArticleFilters}) over a point in time, read in
 * the order (date, id) page by page and written row by row, in constant memory. The surfaces
 * ({@link FileExport}, the HTTP endpoint) add files, checkpoints and manifests. Thread-safe.
 */
public final class Exporter {

    /** The order of the rows, as the manifest states it. */
    public static final String ORDER = "date ascending, then id ascending";

    private final ElasticsearchClient client;
    private final ExportProperties settings;
    private final ArticleFilters filters;

    public Exporter(ElasticsearchClient client, ExportProperties settings, ArticleFilters filters) {
        this.client = client;
        this.settings = settings;
        this.filters = filters;
    }

    public ExportProperties settings() {
        return settings;
    }

    /**
     * The request with its window fixed: {@code to} is {@code now} (to the millisecond) when the
     * filter has none, so that running it again selects the same articles. Checks the query.
     *
     * @throws io.vigil.core.search.InvalidQueryException when the query is malformed
     */
    public ExportRequest fix(ExportRequest request, Instant now) {
        ExportRequest fixed =
                request.with(request.filter().until(now.truncatedTo(ChronoUnit.MILLIS)));
        filters.query(fixed.filter());
        return fixed;
    }

    /** A scan of the request's articles, from {@code resume} or from a new point in time. */
    public ArticleScan open(ExportRequest request, Cursor resume) throws IOException {
        List<String> sources = request.fields().stream().map(ExportField::source).toList();
        int pageSize = request.includesText() ? settings.textPageSize() : settings.pageSize();
        return ArticleScan.open(
                client,
                settings.alias(),
                filters.query(request.filter()),
                sources,
                pageSize,
                settings.slices(),
                settings.keepAlive(),
                resume);
    }

    /**
     * Writes every article left in {@code scan} to {@code writer}.
     *
     * @param already articles written before (a resumed export)
     * @param total articles in the snapshot, for progress
     * @return articles written in all, {@code already} included
     */
    public long copy(
            ArticleScan scan,
            RowWriter writer,
            long already,
            long total,
            ExportProgress progress,
            Checkpoint checkpoint)
            throws IOException {
        long rows = already;
        for (List<ArticleDocument> page = scan.next(); !page.isEmpty(); page = scan.next()) {
            for (ArticleDocument document : page) {
                writer.write(document);
            }
            rows += page.size();
            progress.update(rows, Math.max(total, rows));
            checkpoint.at(scan.cursor(), rows);
        }
        return rows;
    }

    /** The manifest's description of the request's query. */
    public Manifest.Query describe(ExportRequest request) {
        Query query = filters.query(request.filter());
        try {
            return new Manifest.Query(
                    request.filter(),
                    ORDER,
                    Json.mapper().readTree(JsonpUtils.toJsonString(query, client._jsonpMapper())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Called after every page with where the scan stands; decides itself when to save. */
    @FunctionalInterface
    public interface Checkpoint {
        Checkpoint NONE = (cursor, rows) -> {};

        void at(Cursor cursor, long rows) throws IOException;
    }
}
