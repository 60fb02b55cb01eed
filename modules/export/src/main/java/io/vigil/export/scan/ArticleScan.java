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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private ExecutorService prefetcher;
    private Future<Page> pending;

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
                search(cursor, s -> s.size(0).trackTotalHits(t -> t.enabled(true)), Void.class);
        if (response.pitId() != null) {
            cursor = cursor.in(response.pitId());
        }
        return response.hits().total() == null ? 0 : response.hits().total().value();
    }

    /** Where the scan stands: after the last page {@link #next()} returned. */
    public Cursor cursor() {
        return cursor;
    }

    /**
     * The next page in order; empty when every article has been read. The page after it is already
     * being fetched while the caller writes this one.
     */
    public List<ArticleDocument> next() throws IOException {
        if (done) {
            return List.of();
        }
        Page page = pending == null ? fetch(cursor) : await(pending);
        pending = null;
        cursor = page.cursor();
        if (page.documents().size() < pageSize) {
            done = true;
        } else {
            Cursor after = cursor;
            pending = prefetcher().submit(() -> fetch(after));
        }
        return page.documents();
    }

    private Page fetch(Cursor from) throws IOException {
        SearchResponse<ArticleDocument> response =
                search(
                        from,
                        s -> {
                            s.size(pageSize)
                                    .trackTotalHits(t -> t.enabled(false))
                                    .preFilterShardSize(1L)
                                    .source(src -> src.filter(f -> f.includes(sourceFields)))
                                    .sort(o -> o.field(f -> f.field("date").order(SortOrder.Asc)))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                            if (!from.atStart()) {
                                s.searchAfter(
                                        FieldValue.of(from.afterDate()),
                                        FieldValue.of(from.afterId()));
                            }
                            return s;
                        },
                        ArticleDocument.class);
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        String pit = response.pitId() == null ? from.pointInTime() : response.pitId();
        if (hits.isEmpty()) {
            return new Page(List.of(), from.in(pit));
        }
        List<ArticleDocument> page = new ArrayList<>(hits.size());
        for (Hit<ArticleDocument> hit : hits) {
            page.add(hit.source());
        }
        List<FieldValue> last = hits.get(hits.size() - 1).sort();
        return new Page(page, from.after(pit, last.get(0).longValue(), last.get(1).stringValue()));
    }

    private static Page await(Future<Page> page) throws IOException {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    private ExecutorService prefetcher() {
        if (prefetcher == null) {
            prefetcher =
                    Executors.newSingleThreadExecutor(
                            r -> {
                                Thread t = new Thread(r, "export-prefetch");
                                t.setDaemon(true);
                                return t;
                            });
        }
        return prefetcher;
    }

    /** A page and the cursor after it. */
    private record Page(List<ArticleDocument> documents, Cursor cursor) {}

    private <T> SearchResponse<T> search(
            Cursor from,
            java.util.function.Function<
                            SearchRequest.Builder,
                            co.elastic.clients.util.ObjectBuilder<SearchRequest>>
                    body,
            Class<T> type)
            throws IOException {
        try {
            return client.search(request(from.pointInTime(), body), type);
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
            LOG.info("The point in time has expired; opening a new one");
            return client.search(request(openPointInTime(), body), type);
        }
    }

    private SearchRequest request(
            String pointInTime,
            java.util.function.Function<
                            SearchRequest.Builder,
                            co.elastic.clients.util.ObjectBuilder<SearchRequest>>
                    body) {
        SearchRequest.Builder b = new SearchRequest.Builder();
        b.pit(p -> p.id(pointInTime).keepAlive(keepAlive)).query(query);
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
        if (pending != null) {
            pending.cancel(true);
        }
        if (prefetcher != null) {
            prefetcher.shutdownNow();
        }
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
