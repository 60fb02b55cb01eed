package io.vigil.alerting.match;

import io.vigil.alerting.query.AlertQueryParser;
import io.vigil.alerting.query.ArticleFields;
import io.vigil.core.alert.Alert;
import io.vigil.core.event.ArticleClassified;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every registered alert's query, parsed once as the search API's {@code query_string} (all default
 * fields, each with its analyzer) and compiled for matching one article at a time ({@link
 * CompiledQuery}). A term index picks the candidates: each query is filed under terms of which an
 * article must have one to match (the most selective required part, or every alternative of a
 * disjunction); a query with no such terms (a prefix, wildcard, regexp or fuzzy term alone,
 * exclusions only) is a candidate for every article. The article is analysed once into its terms
 * and positions, and the candidates' trees are evaluated on them. The alerts whose tree cannot
 * decide (ranges, sloppy phrases: {@link CompiledQuery#exact()} false) are registered in Lucene
 * Monitor as well ({@link QueryMonitor}), which runs them when at least one of them may match the
 * article (its tree does not rule the article out). Then each alert's filters and state.
 *
 * <p>Why not Lucene Monitor for every alert (as at first, one monitor per article language group):
 * profiled with 10,000 alerts, half of Monitor's time per article went into rewriting, weighting
 * and scoring each of some 100 candidate queries through an {@code IndexSearcher} (about 15 µs
 * each), a third into searching its query index for the candidates and reading their ids back, and
 * a tenth into the analysis: 112 articles/s against the 1,000 wanted. The answers are the same:
 * {@code CompiledQueryTest} compares them with Lucene's on an in-memory index, and {@code
 * AlertEquivalenceIT} (app module) with Elasticsearch's.
 *
 * <p>Thread-safe: articles may be matched on several threads while alerts change.
 */
public final class AlertMatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMatcher.class);

    /** A registered alert query. */
    private static final class Entry {
        final String id;
        final CompiledQuery query;
        final Set<CompiledQuery.FieldTerm> anchors;

        /** Whether Lucene Monitor decides (the tree only rules articles out). */
        final boolean monitored;

        /** What Lucene Monitor holds for it, when monitored; else null. */
        final QueryMonitor.Registration registration;

        /** A number of its own among the registered entries, reused after it is removed. */
        int slot;

        Entry(String id, String text, Query parsed) {
            this.id = id;
            this.query = CompiledQuery.compile(parsed);
            Set<CompiledQuery.FieldTerm> a = query.anchors();
            this.anchors = a == null ? null : Set.copyOf(a);
            this.monitored = !query.exact();
            this.registration = monitored ? new QueryMonitor.Registration(id, parsed, text) : null;
        }
    }

    private final Analyzer analyzer = ArticleFields.analyzer();
    private final Map<String, Alert> alerts = new ConcurrentHashMap<>();
    private final Map<String, String> rejected = new ConcurrentHashMap<>();
    private final QueryMonitor monitor = new QueryMonitor();

    /** Guards the entries, the term index and the monitor: matching reads, registration writes. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private final Map<String, Entry> entries = new HashMap<>();

    /** Field, then term: the entries filed under it. */
    private final Map<String, Map<ArticleTerms.Key, Set<Entry>>> index = new HashMap<>();

    /** Entries to evaluate on every article. */
    private final Set<Entry> everywhere = new LinkedHashSet<>();

    /** Slots of removed entries, for reuse; slots below {@link #slots} are or were in use. */
    private final java.util.ArrayDeque<Integer> freeSlots = new java.util.ArrayDeque<>();

    private int slots;

    public AlertMatcher() {}

    /**
     * Adds or replaces alerts. An alert whose query does not parse is left out (and logged); the
     * others are registered.
     */
    public void upsert(Collection<Alert> batch) {
        List<Entry> parsed = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Alert alert : batch) {
            try {
                Query query = AlertQueryParser.parse(analyzer, alert.query());
                parsed.add(new Entry(alert.id(), alert.query(), query));
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
        lock.writeLock().lock();
        try {
            List<String> unmonitored = new ArrayList<>();
            for (String id : invalid) {
                unfile(id, unmonitored);
            }
            for (Entry e : parsed) {
                unfile(e.id, unmonitored);
                file(e);
            }
            // the monitor gets the entries filed last; a registration replaces one of the same id
            List<QueryMonitor.Registration> monitored = new ArrayList<>();
            for (Entry e : parsed) {
                if (e.monitored && entries.get(e.id) == e) {
                    monitored.add(e.registration);
                }
            }
            unmonitored.removeIf(id -> entries.containsKey(id) && entries.get(id).monitored);
            monitor.delete(unmonitored);
            monitor.register(monitored);
            invalid.forEach(alerts::remove);
        } finally {
            lock.writeLock().unlock();
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
        lock.writeLock().lock();
        try {
            List<String> unmonitored = new ArrayList<>();
            for (String id : ids) {
                unfile(id, unmonitored);
            }
            monitor.delete(unmonitored);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void file(Entry e) {
        entries.put(e.id, e);
        Integer free = freeSlots.poll();
        e.slot = free != null ? free : slots++;
        if (e.anchors == null) {
            everywhere.add(e);
            return;
        }
        for (CompiledQuery.FieldTerm t : e.anchors) {
            index.computeIfAbsent(t.field(), f -> new HashMap<>())
                    .computeIfAbsent(t.term(), x -> new LinkedHashSet<>())
                    .add(e);
        }
    }

    /**
     * Removes the entry of {@code id}, adding its id to {@code unmonitored} if it was monitored.
     */
    private void unfile(String id, List<String> unmonitored) {
        Entry e = entries.remove(id);
        if (e == null) {
            return;
        }
        if (e.monitored) {
            unmonitored.add(id);
        }
        freeSlots.push(e.slot);
        if (e.anchors == null) {
            everywhere.remove(e);
            return;
        }
        for (CompiledQuery.FieldTerm t : e.anchors) {
            Map<ArticleTerms.Key, Set<Entry>> terms = index.get(t.field());
            Set<Entry> filed = terms.get(t.term());
            filed.remove(e);
            if (filed.isEmpty()) {
                terms.remove(t.term());
                if (terms.isEmpty()) {
                    index.remove(t.field());
                }
            }
        }
    }

    /** The ids of the registered alerts whose query matches the article, ignoring filters. */
    public List<String> matchQueries(ArticleClassified article) {
        Document document = ArticleFields.document(article);
        ArticleTerms terms = ArticleTerms.of(document, analyzer);
        List<String> ids = new ArrayList<>();
        lock.readLock().lock();
        try {
            boolean[] seen = new boolean[slots];
            List<Entry> candidates = new ArrayList<>(everywhere);
            for (String field : terms.fieldNames()) {
                Map<ArticleTerms.Key, Set<Entry>> filed = index.get(field);
                if (filed == null) {
                    continue;
                }
                for (ArticleTerms.Key term : terms.terms(field)) {
                    Set<Entry> hit = filed.get(term);
                    if (hit != null) {
                        for (Entry e : hit) {
                            if (!seen[e.slot]) {
                                seen[e.slot] = true;
                                candidates.add(e);
                            }
                        }
                    }
                }
            }
            boolean monitored = false;
            for (Entry e : candidates) {
                try {
                    if (!e.monitored) {
                        if (e.query.matches(terms)) {
                            ids.add(e.id);
                        }
                    } else if (!monitored && e.query.mayMatch(terms)) {
                        monitored = true;
                    }
                } catch (RuntimeException x) {
                    LOG.warn(
                            "Alert {} failed on article {}: {}",
                            e.id,
                            article.articleId(),
                            x.toString());
                }
            }
            if (monitored) {
                // every monitored query the article can match is a candidate (the term index is
                // sound), so the monitor's answer is the whole answer for them
                ids.addAll(monitor.match(document, article.articleId()));
            }
        } finally {
            lock.readLock().unlock();
        }
        return ids;
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

    /** How many alert queries Lucene Monitor holds (those the compiled tree cannot decide). */
    int monitored() {
        lock.readLock().lock();
        try {
            return monitor.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Alerts whose query could not be parsed, with the parser's message. */
    public Map<String, String> rejected() {
        return Map.copyOf(rejected);
    }

    @Override
    public void close() {
        monitor.close();
        analyzer.close();
    }
}
