package io.vigil.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.vigil.alerting.match.AlertMatcher;
import io.vigil.core.alert.Alert;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.search.ArticleDocument;
import io.vigil.indexer.document.ArticleDocuments;
import io.vigil.indexer.document.IndexLocator;
import io.vigil.indexer.template.IndexTemplates;
import io.vigil.testkit.AlertQueries;
import io.vigil.testkit.TestNamespace;
import io.vigil.testkit.VigilStack;
import io.vigil.testkit.VigilStackExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An alert matches exactly what a search with the same query returns: a corpus in eight languages
 * (Chinese, Japanese and Korean among them) is indexed into the real Elasticsearch with the
 * indexer's template and documents, and for each query the articles the alert monitor matches are
 * the articles Elasticsearch's {@code query_string} (as the search API sends it) returns.
 */
@ExtendWith(VigilStackExtension.class)
class AlertEquivalenceIT {

    private static final Instant T = Instant.parse("2026-01-12T09:00:00Z");

    /** The search API's fields ({@code ArticleSearch.FIELDS}). */
    private static final List<String> FIELDS =
            List.of("title^2", "text", "languages.*.title^2", "languages.*.text");

    static final List<String> QUERIES =
            AlertQueries.sharedAnd("tribunal", "organi", "órgãos", "الأعضاء", "prelievo forzato");

    @Test
    void theMonitorMatchesWhatElasticsearchReturns(VigilStack stack, TestNamespace ns)
            throws Exception {
        ElasticsearchClient es = stack.elasticsearch();
        String alias = ns.index("articles");
        new IndexTemplates(es).applyArticles(alias);
        List<ArticleClassified> corpus = Corpus.articles();
        BulkRequest.Builder bulk =
                new BulkRequest.Builder()
                        .refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
        for (ArticleClassified a : corpus) {
            ArticleDocument doc = ArticleDocuments.of(a);
            bulk.operations(
                    o ->
                            o.index(
                                    i ->
                                            i.index(IndexLocator.monthlyIndex(alias, doc.date()))
                                                    .id(doc.id())
                                                    .document(doc)));
        }
        assertThat(es.bulk(bulk.build()).errors()).isFalse();

        Map<String, Set<String>> monitor = new HashMap<>();
        try (AlertMatcher matcher = new AlertMatcher()) {
            List<Alert> alerts = new ArrayList<>();
            for (int i = 0; i < QUERIES.size(); i++) {
                alerts.add(
                        new Alert(
                                Alert.SCHEMA,
                                "q" + i,
                                "test",
                                null,
                                QUERIES.get(i),
                                null,
                                null,
                                false,
                                null,
                                T,
                                null));
            }
            matcher.upsert(alerts);
            assertThat(matcher.rejected()).isEmpty();
            for (ArticleClassified a : corpus) {
                for (String id : matcher.matchQueries(a)) {
                    monitor.computeIfAbsent(id, k -> new TreeSet<>()).add(a.articleId());
                }
            }
        }
        Map<String, Set<String>> mismatches = new java.util.TreeMap<>();
        int nonEmpty = 0;
        for (int i = 0; i < QUERIES.size(); i++) {
            String q = QUERIES.get(i);
            Set<String> expected = search(es, alias, q);
            Set<String> actual = monitor.getOrDefault("q" + i, Set.of());
            if (!expected.isEmpty()) {
                nonEmpty++;
            }
            if (!expected.equals(actual)) {
                mismatches.put(
                        q,
                        Set.of(
                                "es=" + expected,
                                "monitor=" + actual,
                                "es query=" + explain(es, alias, q)));
            }
        }
        assertThat(mismatches)
                .as("queries on which the monitor and Elasticsearch differ")
                .isEmpty();
        assertThat(nonEmpty)
                .as("queries that match something")
                .isGreaterThan(QUERIES.size() * 3 / 4);
    }

    /** Elasticsearch's own rendering of the query, to see where the two differ. */
    private static String explain(ElasticsearchClient es, String alias, String q) throws Exception {
        var r =
                es.indices()
                        .validateQuery(
                                v ->
                                        v.index(alias)
                                                .explain(true)
                                                .query(
                                                        x ->
                                                                x.queryString(
                                                                        qs ->
                                                                                qs.query(q)
                                                                                        .fields(
                                                                                                FIELDS)
                                                                                        .defaultOperator(
                                                                                                Operator
                                                                                                        .And))));
        return r.explanations() == null || r.explanations().isEmpty()
                ? String.valueOf(r.error())
                : r.explanations().get(0).explanation();
    }

    private static Set<String> search(ElasticsearchClient es, String alias, String q)
            throws Exception {
        SearchResponse<ArticleDocument> r =
                es.search(
                        s ->
                                s.index(alias)
                                        .size(1000)
                                        .source(src -> src.fetch(false))
                                        .query(
                                                x ->
                                                        x.queryString(
                                                                qs ->
                                                                        qs.query(q)
                                                                                .fields(FIELDS)
                                                                                .defaultOperator(
                                                                                        Operator
                                                                                                .And)
                                                                                .allowLeadingWildcard(
                                                                                        false)
                                                                                .maxDeterminizedStates(
                                                                                        10_000)
                                                                                .fuzzyMaxExpansions(
                                                                                        50)
                                                                                .lenient(true))),
                        ArticleDocument.class);
        Set<String> ids = new TreeSet<>();
        for (Hit<ArticleDocument> h : r.hits().hits()) {
            ids.add(h.id());
        }
        return ids;
    }
}
