package io.vigil.export.scan;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.vigil.core.search.ArticleDocument;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every article matching a query from one point in time (a snapshot of the indices that later
 * writes do not change), in the stable order ({@code date}, {@code id}) with {@code search_after}:
 * memory is a few pages, however many articles match. The point in time is read in {@code slices}
 * parallel slices (Elasticsearch works on them at once), each fetching its next page while the
 * current one is consumed, merged back into the one order. If the point in time has expired when a
 * scan resumes, a new one is opened and the scan goes on after the same sort values. Not
 * thread-safe.
 */
public final class ArticleScan implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleScan.class);

    /** Fields every page reads, whatever the export's columns: the document's required ones. */
    static final List<String> REQUIRED = List.of("id", "url", "date", "fetchedAt", "storyId");

    private final ElasticsearchClient client;
    private final Query query;
    private final Time keepAlive;
    private final List<Slice> slices = new ArrayList<>();
    private Cursor cursor;
    private boolean keepOpen;

    private ArticleScan(ElasticsearchClient client, Query query, Time keepAlive, Cursor cursor) {
        this.client = client;
        this.query = query;
        this.keepAlive = keepAlive;
        this.cursor = cursor;
    }

    /**
     * A scan of {@code alias}: from {@code resume} when given (in a new point in time when its own
     * has expired), else from the start of a new point in time.
     *
     * @param fields the document fields to read ({@code _source} filtering)
     * @param slices how many slices to read in parallel (1 for none)
     */
    public static ArticleScan open(
            ElasticsearchClient client,
            String alias,
            Query query,
            List<String> fields,
            int pageSize,
            int slices,
            Duration keepAlive,
            Cursor resume)
            throws IOException {
        Time alive = Time.of(t -> t.time(keepAlive.toSeconds() + "s"));
        ArticleScan scan = new ArticleScan(client, query, alive, resume);
        if (resume == null) {
            scan.cursor = Cursor.start(open(client, alias, alive));
        } else if (!scan.alive()) {
            LOG.info("The point in time has expired; opening a new one");
            scan.cursor = resume.in(open(client, alias, alive));
        }
        List<String> source = new ArrayList<>(REQUIRED);
        fields.stream().filter(f -> !source.contains(f)).forEach(source::add);
        for (int i = 0; i < slices; i++) {
            scan.slices.add(
                    new Slice(
                            client,
                            query,
                            List.copyOf(source),
                            pageSize,
                            scan.cursor.pointInTime(),
                            alive,
                            i,
                            slices,
                            scan.cursor));
        }
        return scan;
    }

    /** How many articles match in the point in time, all of them (read or not). */
    public long count() throws IOException {
        SearchResponse<Void> response =
                client.search(
                        s ->
                                s.pit(p -> p.id(cursor.pointInTime()).keepAlive(keepAlive))
                                        .query(query)
                                        .size(0)
                                        .trackTotalHits(t -> t.enabled(true)),
                        Void.class);
        return response.hits().total() == null ? 0 : response.hits().total().value();
    }

    /** Where the scan stands: after the last article {@link #next()} returned. */
    public Cursor cursor() {
        return cursor;
    }

    /** The next articles in order (a page or so); empty when every article has been read. */
    public List<ArticleDocument> next() throws IOException {
        ArticleDocument bound = null;
        for (Slice s : slices) {
            s.fill();
            if (s.morePages() && (bound == null || compare(s.last(), bound) < 0)) {
                bound = s.last();
            }
        }
        List<ArticleDocument> out = new ArrayList<>();
        while (true) {
            Slice best = null;
            for (Slice s : slices) {
                if (s.head() != null && (best == null || compare(s.head(), best.head()) < 0)) {
                    best = s;
                }
            }
            if (best == null || bound != null && compare(best.head(), bound) > 0) {
                break;
            }
            out.add(best.take());
        }
        if (!out.isEmpty()) {
            ArticleDocument last = out.get(out.size() - 1);
            cursor = cursor.after(cursor.pointInTime(), last.date().toEpochMilli(), last.id());
        }
        return out;
    }

    /** The order of the scan: date (to the millisecond, as sorted), then id. */
    static int compare(ArticleDocument a, ArticleDocument b) {
        int byDate = Long.compare(a.date().toEpochMilli(), b.date().toEpochMilli());
        return byDate != 0 ? byDate : a.id().compareTo(b.id());
    }

    private boolean alive() throws IOException {
        try {
            count();
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static String open(ElasticsearchClient client, String alias, Time keepAlive)
            throws IOException {
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
     * #close()} then does not close it.
     */
    public void keepOpen() {
        keepOpen = true;
    }

    /** Stops the slices and closes the point in time (it would expire anyway). */
    @Override
    public void close() {
        slices.forEach(Slice::close);
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
