package io.vigil.classifier.topic;

import io.vigil.classifier.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a configured term ("organ harvesting", "forced organ*", "活摘", "장기 적출") into a Lucene query:
 * its words analysed as the text is, in sequence. A word ending in {@code *} matches its endings;
 * so does every Hangul word, because Korean attaches particles to the noun ("장기를" is 장기 + 를) and
 * the term lists name the noun.
 */
final class TermQueries {

    private TermQueries() {}

    /** The query for one term in a field, or null when the term has no words. */
    static Query of(String field, String term) {
        List<SpanQuery> units = new ArrayList<>();
        List<Query> plain = new ArrayList<>();
        for (String word : term.trim().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            String bare = prefix ? word.substring(0, word.length() - 1) : word;
            List<String> tokens = TextAnalyzer.INSTANCE.tokens(bare);
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                boolean isPrefix = (prefix && i == tokens.size() - 1) || isHangul(token);
                Term t = new Term(field, token);
                if (isPrefix) {
                    PrefixQuery p = new PrefixQuery(t);
                    units.add(new SpanMultiTermQueryWrapper<>(p));
                    plain.add(p);
                } else {
                    units.add(new SpanTermQuery(t));
                    plain.add(new TermQuery(t));
                }
            }
        }
        if (units.isEmpty()) {
            return null;
        }
        if (units.size() == 1) {
            return plain.get(0);
        }
        return new SpanNearQuery(units.toArray(SpanQuery[]::new), 0, true);
    }

    /** Any of the terms. */
    static Query anyOf(String field, List<String> terms) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String term : terms) {
            Query q = of(field, term);
            if (q != null) {
                any.add(q, BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? new BooleanQuery.Builder().build() : any.build();
    }

    private static boolean isHangul(String token) {
        return !token.isEmpty()
                && Character.UnicodeScript.of(token.codePointAt(0))
                        == Character.UnicodeScript.HANGUL;
    }
}
