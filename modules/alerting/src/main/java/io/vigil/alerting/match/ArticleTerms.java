package io.vigil.alerting.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * One article analysed as an index would hold it: per field, each term with its positions. The
 * tokens and positions are those Lucene's {@code MemoryIndex} records for the same document and
 * analyzer (each field's token stream, a value after the first starting at the last position plus
 * the analyzer's position increment gap). Queries that need Lucene itself (ranges, sloppy phrases,
 * ...) run in Lucene Monitor instead ({@link QueryMonitor}). Not thread-safe: one per article and
 * thread.
 */
final class ArticleTerms {

    /** The positions of one term in one field, in order. */
    static final class Positions {
        int[] positions = new int[2];
        int count;

        void add(int position) {
            if (count == positions.length) {
                positions = Arrays.copyOf(positions, count * 2);
            }
            positions[count++] = position;
        }

        boolean contains(int position) {
            return Arrays.binarySearch(positions, 0, count, position) >= 0;
        }
    }

    /**
     * A term's bytes with their hash computed once: {@link BytesRef#hashCode()} hashes the bytes on
     * every call, and a query's terms are looked up in every candidate article.
     */
    static final class Key {
        final BytesRef bytes;
        private final int hash;

        Key(BytesRef bytes) {
            this.bytes = bytes;
            this.hash = bytes.hashCode();
        }

        /** A key of a copy of {@code bytes}. */
        static Key copyOf(BytesRef bytes) {
            return new Key(BytesRef.deepCopyOf(bytes));
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.bytes.bytesEquals(bytes);
        }

        @Override
        public String toString() {
            return bytes.utf8ToString();
        }
    }

    /** The terms of one field. */
    private static final class FieldTerms {
        final Map<Key, Positions> terms = new HashMap<>();
        int tokens;
        int lastPosition = -1;
    }

    private final Analyzer analyzer;

    /** Numbers of the field names, so that a query's fields are found without hashing names. */
    private static final Map<String, Integer> FIELD_IDS = new ConcurrentHashMap<>();

    private final Map<String, FieldTerms> fields = new HashMap<>();
    private FieldTerms[] byId = new FieldTerms[0];

    private ArticleTerms(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The document's indexed fields analysed with {@code analyzer}. */
    static ArticleTerms of(Document document, Analyzer analyzer) {
        ArticleTerms out = new ArticleTerms(analyzer);
        try {
            for (IndexableField field : document) {
                if (field.fieldType().indexOptions() != IndexOptions.NONE) {
                    out.add(field);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the article", e);
        }
        return out;
    }

    private void add(IndexableField field) throws IOException {
        String name = field.name();
        FieldTerms f = fields.get(name);
        if (f == null) {
            f = new FieldTerms();
            fields.put(name, f);
            int id = fieldId(name);
            if (id >= byId.length) {
                byId = Arrays.copyOf(byId, id + 1);
            }
            byId[id] = f;
        }
        int position = f.tokens > 0 ? f.lastPosition + analyzer.getPositionIncrementGap(name) : -1;
        try (TokenStream tokens = field.tokenStream(analyzer, null)) {
            if (tokens == null) {
                return;
            }
            TermToBytesRefAttribute term = tokens.getAttribute(TermToBytesRefAttribute.class);
            PositionIncrementAttribute increment =
                    tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                f.tokens++;
                position += increment.getPositionIncrement();
                Key key = new Key(term.getBytesRef());
                Positions p = f.terms.get(key);
                if (p == null) {
                    p = new Positions();
                    f.terms.put(Key.copyOf(key.bytes), p);
                }
                p.add(position);
            }
            tokens.end();
        }
        f.lastPosition = position;
    }

    /** The number of a field name, the same for every article and query. */
    static int fieldId(String name) {
        Integer id = FIELD_IDS.get(name);
        if (id != null) {
            return id;
        }
        synchronized (FIELD_IDS) {
            return FIELD_IDS.computeIfAbsent(name, n -> FIELD_IDS.size());
        }
    }

    private FieldTerms field(int id) {
        return id < byId.length ? byId[id] : null;
    }

    /** The names of the document's indexed fields. */
    java.util.Set<String> fieldNames() {
        return fields.keySet();
    }

    /** The terms of {@code field}; empty when it has none. */
    Iterable<Key> terms(String field) {
        FieldTerms f = fields.get(field);
        return f == null ? java.util.List.of() : f.terms.keySet();
    }

    /** The positions of {@code term} in {@code field}, or null when it does not occur. */
    Positions positions(int field, Key term) {
        FieldTerms f = field(field);
        return f == null ? null : f.terms.get(term);
    }

    /** Whether {@code field} has a term {@code automaton} accepts. */
    boolean hasTermAccepted(int field, ByteRunAutomaton automaton) {
        FieldTerms f = field(field);
        if (f == null) {
            return false;
        }
        for (Key term : f.terms.keySet()) {
            BytesRef b = term.bytes;
            if (automaton.run(b.bytes, b.offset, b.length)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code field} has a term starting with {@code prefix}. */
    boolean hasPrefix(int field, BytesRef prefix) {
        FieldTerms f = field(field);
        if (f == null) {
            return false;
        }
        for (Key term : f.terms.keySet()) {
            if (org.apache.lucene.util.StringHelper.startsWith(term.bytes, prefix)) {
                return true;
            }
        }
        return false;
    }
}
