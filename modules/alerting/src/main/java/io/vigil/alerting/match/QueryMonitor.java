package io.vigil.alerting.match;

import io.vigil.alerting.query.ArticleFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert queries {@link CompiledQuery} cannot evaluate by itself (ranges, sloppy phrases, ...),
 * in a Lucene {@link Monitor}: the article's fields analysed into an in-memory index with the index
 * template's analyzers ({@link ArticleFields#analyzer()}), the queries picked by their terms
 * ({@link LeanPresearcher}), and only those run. The queries are the ones the compiled path parses
 * (all default fields): a field the article lacks is empty, so the monitor's presearcher leaves out
 * the per-field parts of a query that cannot match.
 *
 * <p>Not guarded here: {@link AlertMatcher} registers and deletes under its write lock and matches
 * under its read lock, so a match never sees half of an update.
 */
final class QueryMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryMonitor.class);

    /** Queries indexed per commit of the query index when registering. */
    private static final int QUERY_BUFFER = 2000;

    private final Monitor monitor;
    private int size;

    QueryMonitor() {
        try {
            monitor =
                    new Monitor(
                            ArticleFields.analyzer(),
                            new LeanPresearcher(),
                            new MonitorConfiguration().setQueryUpdateBufferSize(QUERY_BUFFER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the query monitor", e);
        }
    }

    /** A query to register: the alert's id, its parsed query and its text. */
    record Registration(String id, Query query, String text) {}

    /** Adds or replaces queries by id. */
    void register(Collection<Registration> queries) {
        if (queries.isEmpty()) {
            return;
        }
        List<MonitorQuery> batch = new ArrayList<>(queries.size());
        for (Registration r : queries) {
            batch.add(new MonitorQuery(r.id(), r.query(), r.text(), Map.of()));
        }
        try {
            monitor.register(batch);
            size = monitor.getQueryCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register alert queries", e);
        }
    }

    /** Removes queries by id; ids it does not hold are ignored. */
    void delete(Collection<String> ids) {
        if (ids.isEmpty() || size == 0) {
            return;
        }
        try {
            monitor.deleteById(List.copyOf(ids));
            size = monitor.getQueryCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove alert queries", e);
        }
    }

    /** How many queries are registered. */
    int size() {
        return size;
    }

    /** The ids of the registered queries that match the article's document. */
    List<String> match(Document document, String articleId) {
        if (size == 0) {
            return List.of();
        }
        try {
            MatchingQueries<QueryMatch> matches =
                    monitor.match(document, QueryMatch.SIMPLE_MATCHER);
            if (!matches.getErrors().isEmpty()) {
                LOG.warn(
                        "Queries failed on article {}: {}",
                        articleId,
                        matches.getErrors().keySet());
            }
            List<String> ids = new ArrayList<>(matches.getMatchCount());
            for (QueryMatch m : matches.getMatches()) {
                ids.add(m.getQueryId());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("matching failed", e);
        }
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            LOG.debug("closing the monitor failed", e);
        }
    }
}
