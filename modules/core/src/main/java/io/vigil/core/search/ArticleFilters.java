package io.vigil.core.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;

/**
 * Turns an {@link ArticleFilter} into the Elasticsearch query both the search API and the export
 * run: the user's {@code q} as a {@code query_string} over title and text in every language (title
 * boosted), AND by default, leading wildcards refused, automata bounded; everything else as
 * filters. Checks {@code q} first ({@link QueryValidator}). Thread-safe.
 */
public final class ArticleFilters {

    /** The searched fields: English-analysed title and text, then each language's own. */
    public static final List<String> FIELDS =
            List.of("title^2", "text", "languages.*.title^2", "languages.*.text");

    private final QueryValidator validator;
    private final int maxDeterminizedStates;

    /**
     * @param maxQueryLength the longest {@code q} accepted, in characters
     * @param maxClauses the most terms, phrases and wildcards a {@code q} may hold
     * @param maxDeterminizedStates the largest automaton a wildcard or regexp may build
     */
    public ArticleFilters(int maxQueryLength, int maxClauses, int maxDeterminizedStates) {
        this.validator = new QueryValidator(maxQueryLength, maxClauses);
        this.maxDeterminizedStates = maxDeterminizedStates;
    }

    /** With the API's defaults: 2000 characters, 256 clauses, 10,000 automaton states. */
    public static ArticleFilters defaults() {
        return new ArticleFilters(2000, 256, 10_000);
    }

    /**
     * The query selecting the articles of {@code filter}.
     *
     * @throws InvalidQueryException when {@code q} is malformed or asks too much
     */
    public Query query(ArticleFilter filter) {
        if (filter.q() != null) {
            validator.validate(filter.q());
        }
        return Query.of(q -> q.bool(b -> filters(b, filter)));
    }

    /**
     * The user's query as Elasticsearch runs it: {@code query_string} over title and text in every
     * language, AND by default, no leading wildcards, bounded. Validate it first.
     */
    public static Query textQuery(String q, int maxDeterminizedStates) {
        return Query.of(
                m ->
                        m.queryString(
                                qs ->
                                        qs.query(q)
                                                .fields(FIELDS)
                                                .defaultOperator(Operator.And)
                                                .allowLeadingWildcard(false)
                                                .maxDeterminizedStates(maxDeterminizedStates)
                                                .fuzzyMaxExpansions(50)
                                                .lenient(true)));
    }

    private BoolQuery.Builder filters(BoolQuery.Builder b, ArticleFilter filter) {
        if (filter.q() != null) {
            b.must(textQuery(filter.q(), maxDeterminizedStates));
        }
        if (filter.from() != null || filter.to() != null) {
            b.filter(
                    f ->
                            f.range(
                                    r ->
                                            r.date(
                                                    d -> {
                                                        d.field("date");
                                                        if (filter.from() != null) {
                                                            d.gte(filter.from().toString());
                                                        }
                                                        if (filter.to() != null) {
                                                            d.lt(filter.to().toString());
                                                        }
                                                        return d;
                                                    })));
        }
        terms(b, "language", filter.languages());
        terms(b, "countries", filter.countries());
        if (!filter.sources().isEmpty()) {
            b.filter(
                    f ->
                            f.bool(
                                    s ->
                                            s.should(terms("outlet", filter.sources()))
                                                    .should(terms("domain", filter.sources()))
                                                    .minimumShouldMatch("1")));
        }
        if (filter.theme() != null) {
            terms(b, "themes", List.of(filter.theme()));
        }
        if (filter.story() != null) {
            terms(b, "storyId", List.of(filter.story()));
        }
        if (filter.minRelevance() != null) {
            String field =
                    filter.topic() == null
                            ? "maxRelevance"
                            : "relevance." + ArticleDocument.relevanceKey(filter.topic());
            b.filter(f -> f.range(r -> r.number(n -> n.field(field).gte(filter.minRelevance()))));
        } else if (filter.topic() != null) {
            terms(b, "topics", List.of(filter.topic()));
        }
        return b;
    }

    private static void terms(BoolQuery.Builder b, String field, List<String> values) {
        if (!values.isEmpty()) {
            b.filter(terms(field, values));
        }
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> v = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(v))));
    }
}
