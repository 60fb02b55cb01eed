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
import org.apache.lucene.monitor.MonitorConfiguration;
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

    /** Queries indexed per commit of the query index when registering. */
    private static final int QUERY_BUFFER = 2000;

    private final Map<String, Monitor> monitors = new java.util.HashMap<>();
    private final Analyzer queryAnalyzer = ArticleFields.analyzer();
    private final Map<String, Alert> alerts = new ConcurrentHashMap<>();
    private final Map<String, String> rejected = new ConcurrentHashMap<>();

    public AlertMatcher() {
        try {
            for (String group : ArticleFields.groups()) {
                monitors.put(
                        group,
                        new Monitor(
                                ArticleFields.analyzer(),
                                new LeanPresearcher(),
                                new MonitorConfiguration().setQueryUpdateBufferSize(QUERY_BUFFER)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the query monitor", e);
        }
    }

    /**
     * Adds or replaces alerts. An alert whose query does not parse is left out (and logged); the
     * others are registered.
     */
    public void upsert(Collection<Alert> batch) {
        Map<String, List<MonitorQuery>> queries = new java.util.HashMap<>();
        List<String> invalid = new ArrayList<>();
        for (Alert alert : batch) {
            try {
                Map<String, MonitorQuery> parsed = new java.util.HashMap<>();
                for (String group : monitors.keySet()) {
                    Query query = AlertQueryParser.parse(queryAnalyzer, alert.query(), group);
                    parsed.put(group, new MonitorQuery(alert.id(), query, alert.query(), Map.of()));
                }
                parsed.forEach(
                        (group, q) ->
                                queries.computeIfAbsent(group, g -> new ArrayList<>()).add(q));
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
            for (Map.Entry<String, Monitor> e : monitors.entrySet()) {
                if (!invalid.isEmpty()) {
                    e.getValue().deleteById(invalid);
                }
                List<MonitorQuery> group = queries.get(e.getKey());
                if (group != null) {
                    e.getValue().register(group);
                }
            }
            invalid.forEach(alerts::remove);
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
            for (Monitor monitor : monitors.values()) {
                monitor.deleteById(List.copyOf(ids));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove alert queries", e);
        }
    }

    /** The ids of the registered alerts whose query matches the article, ignoring filters. */
    public List<String> matchQueries(ArticleClassified article) {
        try {
            Monitor monitor = monitors.get(ArticleFields.group(article));
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
        for (Monitor monitor : monitors.values()) {
            try {
                monitor.close();
            } catch (IOException e) {
                LOG.debug("closing a monitor failed", e);
            }
        }
    }
}
