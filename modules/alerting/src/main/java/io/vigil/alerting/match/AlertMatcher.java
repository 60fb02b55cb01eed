package io.vigil.alerting.match;

import io.vigil.alerting.query.AlertQueryParser;
import io.vigil.alerting.query.ArticleFields;
import io.vigil.core.alert.Alert;
import io.vigil.core.event.ArticleClassified;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every registered alert's query in a Lucene {@link Monitor}: an article is analysed once into an
 * in-memory index of the index's fields, the monitor's presearcher picks the queries that can match
 * from the terms it has, and only those run. Then each alert's filters and state. Thread- safe:
 * articles may be matched on several threads while alerts change.
 */
public final class AlertMatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMatcher.class);

    private final Monitor monitor;
    private final Analyzer queryAnalyzer = ArticleFields.analyzer();
    private final Map<String, Alert> alerts = new ConcurrentHashMap<>();
    private final Map<String, String> rejected = new ConcurrentHashMap<>();

    public AlertMatcher() {
        try {
            monitor = new Monitor(ArticleFields.analyzer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the query monitor", e);
        }
    }

    /**
     * Adds or replaces alerts. An alert whose query does not parse is left out (and logged); the
     * others are registered.
     */
    public void upsert(Collection<Alert> batch) {
        List<MonitorQuery> queries = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Alert alert : batch) {
            try {
                Query query = AlertQueryParser.parse(queryAnalyzer, alert.query());
                queries.add(new MonitorQuery(alert.id(), query, alert.query(), Map.of()));
                rejected.remove(alert.id());
            } catch (ParseException | RuntimeException e) {
                LOG.warn(
                        "Alert {} has a query that cannot run, left out: {}",
                        alert.id(),
                        e.getMessage());
                rejected.put(alert.id(), String.valueOf(e.getMessage()));
                invalid.add(alert.id());
            }
        }
        try {
            if (!invalid.isEmpty()) {
                monitor.deleteById(invalid);
                invalid.forEach(alerts::remove);
            }
            if (!queries.isEmpty()) {
                monitor.register(queries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register alert queries", e);
        }
        for (Alert alert : batch) {
            if (!rejected.containsKey(alert.id())) {
                alerts.put(alert.id(), alert);
            }
        }
    }

    /** Removes alerts by id. */
    public void remove(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ids.forEach(
                id -> {
                    alerts.remove(id);
                    rejected.remove(id);
                });
        try {
            monitor.deleteById(List.copyOf(ids));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove alert queries", e);
        }
    }

    /** The ids of the registered alerts whose query matches the article, ignoring filters. */
    public List<String> matchQueries(ArticleClassified article) {
        try {
            MatchingQueries<QueryMatch> matches =
                    monitor.match(ArticleFields.document(article), QueryMatch.SIMPLE_MATCHER);
            if (!matches.getErrors().isEmpty()) {
                LOG.warn(
                        "Queries failed on article {}: {}",
                        article.articleId(),
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

    /**
     * The alerts that match the article and take deliveries at {@code now}: query, filters, state.
     * An article back-filled from the past ({@code vigil import} without {@code --alert}) matches
     * none: history is for search, trends and exports, not for notifications.
     */
    public List<Alert> match(ArticleClassified article, Instant now) {
        List<Alert> out = new ArrayList<>();
        if (article.article().backfill()) {
            return out;
        }
        for (String id : matchQueries(article)) {
            Alert alert = alerts.get(id);
            if (alert != null
                    && alert.activeAt(now)
                    && AlertFilter.accepts(alert.filters(), article)) {
                out.add(alert);
            }
        }
        return out;
    }

    /** The alert of that id, or null. */
    public Alert alert(String id) {
        return alerts.get(id);
    }

    /** How many alerts are registered. */
    public int size() {
        return alerts.size();
    }

    /** Alerts whose query could not be parsed, with the parser's message. */
    public Map<String, String> rejected() {
        return Map.copyOf(rejected);
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
