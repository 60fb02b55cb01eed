package io.vigil.alerting.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Parses an alert's query into the Lucene query Elasticsearch's {@code query_string} builds for the
 * search API (see the API's {@code ArticleSearch}): Lucene's classic syntax, AND by default, no
 * leading wildcards, fuzziness AUTO for a bare {@code ~}, and a query that names no field run on
 * every default field ({@link ArticleFields#defaultFields()}) with each field's own analyzer, the
 * per-field queries joined as a disjunction ({@code best_fields}: a term may match in any field,
 * each clause on its own). Not thread-safe: one parser per thread, or per query.
 */
public final class AlertQueryParser extends QueryParser {

    /** Stands for "the default fields" while parsing. */
    private static final String DEFAULT = "\u0000default";

    /** Elasticsearch's {@code max_determinized_states} default, as the API sets it. */
    private static final int DETERMINIZE_WORK_LIMIT = 10_000;

    /** The fuzziness of a bare {@code ~}: a value no one types, read as {@code AUTO}. */
    private static final float AUTO = Float.MIN_VALUE;

    private final List<String> fields;

    public AlertQueryParser(Analyzer analyzer) {
        this(analyzer, ArticleFields.defaultFields());
    }

    /** A parser whose default fields are {@code fields} instead of all. */
    public AlertQueryParser(Analyzer analyzer, List<String> fields) {
        super(DEFAULT, analyzer);
        this.fields = List.copyOf(fields);
        setDefaultOperator(Operator.AND);
        setAllowLeadingWildcard(false);
        setAutoGeneratePhraseQueries(false);
        setEnablePositionIncrements(true);
        setFuzzyPrefixLength(0);
        setFuzzyMinSim(AUTO);
        setPhraseSlop(0);
        setSplitOnWhitespace(false);
        setDeterminizeWorkLimit(DETERMINIZE_WORK_LIMIT);
    }

    /**
     * The query for {@code q}.
     *
     * @throws ParseException when it is malformed (or starts a term with a wildcard)
     */
    public static Query parse(Analyzer analyzer, String q) throws ParseException {
        return new AlertQueryParser(analyzer).parse(q);
    }

    /**
     * The query for {@code q} over the default fields of one article group ({@link
     * ArticleFields#defaultFields(String)}).
     *
     * @throws ParseException when it is malformed (or starts a term with a wildcard)
     */
    public static Query parse(Analyzer analyzer, String q, String group) throws ParseException {
        return new AlertQueryParser(analyzer, ArticleFields.defaultFields(group)).parse(q);
    }

    /**
     * As Elasticsearch's {@code query_string}: a query of exclusions only matches everything but
     * them (Lucene's would match nothing).
     */
    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
        Query q = super.getBooleanQuery(clauses);
        if (q instanceof BooleanQuery bq
                && !bq.clauses().isEmpty()
                && bq.clauses().stream()
                        .allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder fixed = new BooleanQuery.Builder();
            bq.clauses().forEach(fixed::add);
            fixed.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            return fixed.build();
        }
        return q;
    }

    /** One query per field, joined by a disjunction; null when no field yields one. */
    private interface PerField {
        Query on(String field) throws ParseException;
    }

    private Query expand(String field, PerField perField) throws ParseException {
        if (!DEFAULT.equals(field)) {
            return perField.on(field);
        }
        List<Query> queries = new ArrayList<>();
        for (String f : fields) {
            Query q = perField.on(f);
            if (q != null) {
                queries.add(q);
            }
        }
        if (queries.isEmpty()) {
            return null;
        }
        return queries.size() == 1 ? queries.get(0) : new DisjunctionMaxQuery(queries, 0f);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
            throws ParseException {
        return expand(field, f -> super.getFieldQuery(f, queryText, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return expand(field, f -> super.getFieldQuery(f, queryText, slop));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        return expand(field, f -> super.getWildcardQuery(f, termStr));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return expand(field, f -> super.getPrefixQuery(f, termStr));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        return expand(field, f -> super.getRegexpQuery(f, termStr));
    }

    /**
     * A bare {@code ~} (which the parser hands over as {@link #AUTO}) means Elasticsearch's {@code
     * AUTO} fuzziness: 0, 1 or 2 edits by the term's length.
     */
    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
            throws ParseException {
        float similarity = minSimilarity == AUTO ? autoEdits(termStr) : minSimilarity;
        return expand(field, f -> super.getFuzzyQuery(f, termStr, similarity));
    }

    @Override
    protected Query getRangeQuery(
            String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
            throws ParseException {
        return expand(
                field, f -> super.getRangeQuery(f, part1, part2, startInclusive, endInclusive));
    }

    static int autoEdits(String term) {
        int length = term.codePointCount(0, term.length());
        return length < 3 ? 0 : length < 6 ? 1 : 2;
    }
}
