package io.vigil.alerting.match;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene Monitor's term-filtered presearcher, indexing each query's terms from sorted sets instead
 * of one {@code BytesRefHash} per field: that hash allocates a 32 KB block per field, and an alert
 * query spans twenty fields, so registering 10,000 alerts allocated gigabytes. Same documents, same
 * matches.
 */
final class LeanPresearcher extends TermFilteredPresearcher {

    private static final FieldType QUERY_FIELD;

    static {
        QUERY_FIELD = new FieldType(TextField.TYPE_NOT_STORED);
        QUERY_FIELD.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        QUERY_FIELD.freeze();
    }

    @Override
    protected Document buildQueryDocument(QueryTree querytree) {
        Map<String, SortedSet<BytesRef>> terms = new HashMap<>();
        querytree.collectTerms(
                (field, term) ->
                        terms.computeIfAbsent(field, f -> new TreeSet<>())
                                .add(BytesRef.deepCopyOf(term)));
        Document doc = new Document();
        terms.forEach(
                (field, sorted) ->
                        doc.add(new Field(field, new SortedTerms(sorted.iterator()), QUERY_FIELD)));
        return doc;
    }

    /** The terms of one field as a token stream. */
    private static final class SortedTerms extends TokenStream {
        private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
        private final Iterator<BytesRef> terms;

        SortedTerms(Iterator<BytesRef> terms) {
            this.terms = terms;
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            if (!terms.hasNext()) {
                return false;
            }
            term.setBytesRef(terms.next());
            return true;
        }
    }
}
