package io.vigil.export.scan;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.vigil.core.search.ArticleDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One slice of a scan: its pages in the order (date, id) with {@code search_after}, the next one
 * fetched in the background while the current one is consumed. Not thread-safe.
 */
final class Slice implements AutoCloseable {

    private final ElasticsearchClient client;
    private final Query query;
    private final List<String> sourceFields;
    private final int pageSize;
    private final String pointInTime;
    private final Time keepAlive;
    private final int id;
    private final int max;
    private final ExecutorService prefetcher;
    private List<ArticleDocument> buffer = List.of();
    private int next;
    private boolean lastPage;
    private boolean started;
    private Future<List<ArticleDocument>> pending;
    private Long afterDate;
    private String afterId;

    Slice(
            ElasticsearchClient client,
            Query query,
            List<String> sourceFields,
            int pageSize,
            String pointInTime,
            Time keepAlive,
            int id,
            int max,
            Cursor from) {
        this.client = client;
        this.query = query;
        this.sourceFields = sourceFields;
        this.pageSize = pageSize;
        this.pointInTime = pointInTime;
        this.keepAlive = keepAlive;
        this.id = id;
        this.max = max;
        this.afterDate = from.afterDate();
        this.afterId = from.afterId();
        this.prefetcher =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "export-slice-" + id);
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Makes the buffer non-empty unless the slice is read to its end; waits for a page. */
    void fill() throws IOException {
        if (next < buffer.size() || lastPage && started) {
            return;
        }
        buffer = pending == null ? fetch(afterDate, afterId) : await(pending);
        started = true;
        pending = null;
        next = 0;
        if (buffer.size() < pageSize) {
            lastPage = true;
        } else {
            ArticleDocument last = buffer.get(buffer.size() - 1);
            long date = last.date().toEpochMilli();
            String lastId = last.id();
            afterDate = date;
            afterId = lastId;
            pending = prefetcher.submit(() -> fetch(date, lastId));
        }
    }

    /** Whether more pages may come after the buffer. */
    boolean morePages() {
        return !lastPage;
    }

    /** The first article not taken yet, or null. */
    ArticleDocument head() {
        return next < buffer.size() ? buffer.get(next) : null;
    }

    /** The buffer's last article (the bound of what this slice can still hold before a fill). */
    ArticleDocument last() {
        return buffer.get(buffer.size() - 1);
    }

    ArticleDocument take() {
        return buffer.get(next++);
    }

    private List<ArticleDocument> fetch(Long date, String after) throws IOException {
        SearchRequest.Builder s = new SearchRequest.Builder();
        s.pit(p -> p.id(pointInTime).keepAlive(keepAlive))
                .query(query)
                .size(pageSize)
                .trackTotalHits(t -> t.enabled(false))
                .preFilterShardSize(1L)
                .source(src -> src.filter(f -> f.includes(sourceFields)))
                .sort(o -> o.field(f -> f.field("date").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
        if (max > 1) {
            s.slice(x -> x.id(String.valueOf(id)).max(max));
        }
        if (after != null) {
            s.searchAfter(FieldValue.of(date), FieldValue.of(after));
        }
        List<Hit<ArticleDocument>> hits =
                client.search(s.build(), ArticleDocument.class).hits().hits();
        List<ArticleDocument> page = new ArrayList<>(hits.size());
        for (Hit<ArticleDocument> hit : hits) {
            page.add(hit.source());
        }
        return page;
    }

    private static List<ArticleDocument> await(Future<List<ArticleDocument>> page)
            throws IOException {
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

    @Override
    public void close() {
        if (pending != null) {
            pending.cancel(true);
        }
        prefetcher.shutdownNow();
    }
}
