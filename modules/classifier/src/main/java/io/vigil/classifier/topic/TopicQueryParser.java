package io.vigil.classifier.topic;

import io.vigil.classifier.text.TextAnalyzer;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Lucene's classic query syntax, plus {@code @name} for a topic's term set (matched beforehand by
 * {@link TermSets}). Phrases and words go through {@link TermQueries}, so a quoted phrase may end
 * its words in {@code *} and Chinese or Japanese words match as character sequences.
 */
final class TopicQueryParser extends QueryParser {

    private final String topic;
    private final Map<String, List<String>> terms;
    private final String setsField;

    TopicQueryParser(String field, String topic, Map<String, List<String>> terms) {
        super(field, TextAnalyzer.INSTANCE);
        this.topic = topic;
        this.terms = terms;
        this.setsField =
                field.equals(ArticleEvidence.TITLE)
                        ? ArticleEvidence.TITLE_SETS
                        : ArticleEvidence.BODY_SETS;
        setDefaultOperator(Operator.OR);
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
        if (!quoted && text.startsWith("@")) {
            String name = text.substring(1);
            if (!terms.containsKey(name)) {
                throw new ParseException(
                        "no term set named '" + name + "'; defined: " + terms.keySet());
            }
            return new TermQuery(new Term(setsField, TermSets.key(topic, name)));
        }
        Query q = TermQueries.of(field, text);
        return q == null ? super.getFieldQuery(field, text, quoted) : q;
    }
}
