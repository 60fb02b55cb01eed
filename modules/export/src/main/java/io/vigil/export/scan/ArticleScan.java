package io.vigil.export.scan;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.vigil.core.search.ArticleDocument;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every article matching a query, page by page, from one point in time (a snapshot of the
 * indices that later writes do not change), in the stable order ({@code date}, {@code id}) with
 * {@code search_after}: memory is one page, however many articles match. If the point in time has
 * expired when a scan resumes, a new one is opened and the scan goes on after the same sort values.
 * Not thread-safe.
 */
public final class ArticleScan implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleScan.class);

    /** Fields every page reads, whatever the export's columns: the document's required ones. */
    static final List<String> REQUIRED = List.of("id", "url", "date", "fetchedAt", "storyId");

    private final ElasticsearchClient client;
    private final String alias;
    private final Query query;
    private final List<String> sourceFields;
    private final int pageSize;
    private final Time keepAlive;
    private Cursor cursor;
    private boolean done;
    private boolean keepOpen;

    private ArticleScan(
            ElasticsearchClient client,
            String alias,
            Query query,
            List<String> fields,
            int pageSize,
            Duration keepAlive,
            Cursor cursor) {
        this.client = client;
        this.alias = alias;
        this.query = query;
        List<String> source = new ArrayList<>(REQUIRED);
        fields.stream().filter(f -> !source.contains(f)).forEach(source::add);
        this.sourceFields = List.copyOf(source);
        this.pageSize = pageSize;
        this.keepAlive = Time.of(t -> t.time(keepAlive.toSeconds() + "s"));
        this.cursor = cursor;
    }

    /**
     * A scan of {@code alias}: from {@code resume} when given (a new point in time when its own has
     * expired), else from the start of a new point in time.
     *
     * @param fields the document fields to read ({@code _source} filtering)
     */
    public static ArticleScan open(
            ElasticsearchClient client,
            String alias,
            Query query,
            List<String> fields,
            int pageSize,
            Duration keepAlive,
            Cursor resume)
            throws IOException {
        ArticleScan scan =
                new ArticleScan(client, alias, query, fields, pageSize, keepAlive, resume);
        if (resume == null) {
            scan.cursor = Cursor.start(scan.openPointInTime());
        }
        return scan;
    }

    /** How many articles match in the point in time, all of them (read or not). */
    public long count() throws IOException {
        SearchResponse<Void> response =
                search(s -> s.size(0).trackTotalHits(t -> t.enabled(true)), Void.class);
        return response.hits().total() == null ? 0 : response.hits().total().value();
    }

    /** Where the scan stands: after the last page {@link #next()} returned. */
    public Cursor cursor() {
        return cursor;
    }

    /** The next page in order; empty when every article has been read. */
    public List<ArticleDocument> next() throws IOException {
        if (done) {
            return List.of();
        }
        SearchResponse<ArticleDocument> response =
                search(
                        s -> {
                            s.size(pageSize)
                                    .trackTotalHits(t -> t.enabled(false))
                                    .source(src -> src.filter(f -> f.includes(sourceFields)))
                                    .sort(o -> o.field(f -> f.field("date").order(SortOrder.Asc)))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                            if (!cursor.atStart()) {
                                s.searchAfter(
                                        FieldValue.of(cursor.afterDate()),
                                        FieldValue.of(cursor.afterId()));
                            }
                            return s;
                        },
                        ArticleDocument.class);
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        String pit = response.pitId() == null ? cursor.pointInTime() : response.pitId();
        if (hits.isEmpty()) {
            done = true;
            cursor = cursor.in(pit);
            return List.of();
        }
        List<ArticleDocument> page = new ArrayList<>(hits.size());
        for (Hit<ArticleDocument> hit : hits) {
            page.add(hit.source());
        }
        List<FieldValue> last = hits.get(hits.size() - 1).sort();
        cursor = cursor.after(pit, last.get(0).longValue(), last.get(1).stringValue());
        if (hits.size() < pageSize) {
            done = true;
        }
        return page;
    }

    private <T> SearchResponse<T> search(
            java.util.function.Function<
                            SearchRequest.Builder,
                            co.elastic.clients.util.ObjectBuilder<SearchRequest>>
                    body,
            Class<T> type)
            throws IOException {
        try {
            return client.search(request(body), type);
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
            LOG.info("The point in time has expired; opening a new one");
            cursor = cursor.in(openPointInTime());
            return client.search(request(body), type);
        }
    }

    private SearchRequest request(
            java.util.function.Function<
                            SearchRequest.Builder,
                            co.elastic.clients.util.ObjectBuilder<SearchRequest>>
                    body) {
        SearchRequest.Builder b = new SearchRequest.Builder();
        b.pit(p -> p.id(cursor.pointInTime()).keepAlive(keepAlive)).query(query);
        body.apply(b);
        return b.build();
    }

    private String openPointInTime() throws IOException {
        return client.openPointInTime(
                        o ->
                                o.index(alias)
                                        .keepAlive(keepAlive)
                                        .ignoreUnavailable(true)
                                        .allowPartialSearchResults(false))
                .id();
    }

    /**
     * Leaves the point in time open (until its keep-alive runs out) for a resumed scan: {@link
     * #close()} then does nothing.
     */
    public void keepOpen() {
        keepOpen = true;
    }

    /** Closes the point in time (it would expire after the keep-alive anyway). */
    @Override
    public void close() {
        if (keepOpen) {
            return;
        }
        try {
            client.closePointInTime(c -> c.id(cursor.pointInTime()));
        } catch (IOException | ElasticsearchException e) {
            LOG.debug("Closing point in time failed: {}", e.toString());
        }
    }
}
