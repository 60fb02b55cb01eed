package io.vigil.core.search;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Checks a {@code q} before it goes to Elasticsearch, with Lucene's classic query parser (the
 * grammar {@code query_string} is built on), so that a malformed query gets a 400 that says where
 * the error is: line, column and offset. Also refuses leading wildcards ({@code *ing}: a scan of
 * the whole term dictionary), over-long queries and queries of too many clauses. Thread-safe.
 */
public final class QueryValidator {

    private static final Pattern LEXICAL = Pattern.compile("line (\\d+), column (\\d+)");

    private final int maxLength;
    private final int maxClauses;

    public QueryValidator(int maxLength, int maxClauses) {
        this.maxLength = maxLength;
        this.maxClauses = maxClauses;
    }

    /**
     * @throws InvalidQueryException when {@code q} is malformed or too costly
     */
    public void validate(String q) {
        if (q.length() > maxLength) {
            throw new InvalidQueryException(
                    "q",
                    "The query is longer than " + maxLength + " characters.",
                    null,
                    null,
                    maxLength);
        }
        Query query;
        try {
            query = new Parser().parse(q);
        } catch (ParseException e) {
            throw located(q, e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw InvalidQueryException.of("q", "The query has too many clauses.");
        }
        AtomicInteger leaves = new AtomicInteger();
        query.visit(
                new QueryVisitor() {
                    @Override
                    public void visitLeaf(Query leaf) {
                        leaves.incrementAndGet();
                    }

                    @Override
                    public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
                        leaves.addAndGet(terms.length);
                    }

                    @Override
                    public QueryVisitor getSubVisitor(
                            org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                        return this;
                    }
                });
        if (leaves.get() > maxClauses) {
            throw InvalidQueryException.of(
                    "q", "The query has " + leaves.get() + " clauses; at most " + maxClauses + ".");
        }
    }

    private static InvalidQueryException located(String q, ParseException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LeadingWildcard leading) {
                int offset =
                        Math.max(
                                0,
                                q.toLowerCase(Locale.ROOT)
                                        .indexOf(leading.term.toLowerCase(Locale.ROOT)));
                return at(
                        q, offset, "A term may not start with a wildcard: '" + leading.term + "'.");
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ParseException p && p.currentToken != null) {
            Token bad = p.currentToken.next != null ? p.currentToken.next : p.currentToken;
            String found = bad.kind == 0 ? "the end of the query" : "'" + bad.image + "'";
            if (bad.kind == 0) {
                return at(q, q.length(), "Syntax error: unexpected end of the query.");
            }
            int offset = offset(q, bad.beginLine, bad.beginColumn);
            return at(q, offset, "Syntax error: unexpected " + found + ".");
        }
        if (cause instanceof TokenMgrError lexical) {
            Matcher m = LEXICAL.matcher(String.valueOf(lexical.getMessage()));
            if (m.find()) {
                int offset = offset(q, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return at(
                        q,
                        Math.min(offset, q.length()),
                        "Syntax error: unterminated quote, bracket or escape.");
            }
        }
        return InvalidQueryException.of("q", "Syntax error: " + e.getMessage());
    }

    /** The error at a 0-based {@code offset}, with its 1-based line and column. */
    private static InvalidQueryException at(String q, int offset, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < q.length(); i++) {
            if (q.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new InvalidQueryException(
                "q", message + " (line " + line + ", column " + column + ")", line, column, offset);
    }

    /**
     * The 0-based offset the parser reports: Lucene's {@code FastCharStream} counts "columns" from
     * the start of the query, across lines, starting at 0 (its line is always 1).
     */
    private static int offset(String q, int line, int column) {
        return Math.max(0, Math.min(q.length(), column));
    }

    /** The classic parser, refusing leading wildcards the way Elasticsearch is told to. */
    private static final class Parser extends QueryParser {

        Parser() {
            super("text", new StandardAnalyzer(CharArraySet.EMPTY_SET));
            setAllowLeadingWildcard(true); // we refuse it ourselves, saying where
        }

        @Override
        protected Query getWildcardQuery(String field, String term) throws ParseException {
            if (!term.equals("*") && (term.startsWith("*") || term.startsWith("?"))) {
                ParseException e = new ParseException("leading wildcard");
                e.initCause(new LeadingWildcard(term));
                throw e;
            }
            return super.getWildcardQuery(field, term);
        }
    }

    /** A term starting with a wildcard. */
    private static final class LeadingWildcard extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String term;

        LeadingWildcard(String term) {
            super(term, null, false, false);
            this.term = term;
        }
    }
}
