package io.vigil.classifier.topic;

import io.vigil.classifier.text.TextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * One article held in a Lucene {@link MemoryIndex}, to run the topics' queries against: field
 * {@value #TITLE} has the headline, {@value #BODY} the headline and the text, and {@value
 * #TITLE_SETS} / {@value #BODY_SETS} the keys of the term sets that matched there (once per match),
 * which is what {@code @set} in a query looks up. Not thread-safe; one per article.
 */
public final class ArticleEvidence {

    /** The headline alone. */
    public static final String TITLE = "title";

    /** Headline and text. */
    public static final String BODY = "body";

    static final String TITLE_SETS = "title_sets";
    static final String BODY_SETS = "body_sets";

    private final String title;
    private final List<String> titleTokens;
    private final List<String> tokens;
    private final Map<String, Integer> titleSets = new HashMap<>();
    private final Map<String, Integer> bodySets = new HashMap<>();
    private IndexSearcher searcher;
    private LeafReaderContext leaf;

    /**
     * @param termSets the term sets of every topic that will be scored
     */
    public ArticleEvidence(String title, String text, List<TermSets> termSets) {
        this.title = title == null ? "" : title;
        this.tokens =
                TextAnalyzer.INSTANCE.tokens(this.title + "\n\n" + (text == null ? "" : text));
        this.titleTokens = TextAnalyzer.INSTANCE.tokens(this.title);
        for (TermSets sets : termSets) {
            titleSets.putAll(sets.count(titleTokens));
            bodySets.putAll(sets.count(tokens));
        }
    }

    /** The in-memory index, built on the first query that needs more than the term sets. */
    private IndexSearcher searcher() {
        if (searcher != null) {
            return searcher;
        }
        MemoryIndex index = new MemoryIndex();
        // The tokens were analysed once already: index them as they are.
        index.addField(TITLE, index.keywordTokenStream(titleTokens));
        index.addField(BODY, index.keywordTokenStream(tokens));
        index.addField(TITLE_SETS, index.keywordTokenStream(repeated(titleSets)));
        index.addField(BODY_SETS, index.keywordTokenStream(repeated(bodySets)));
        index.freeze();
        searcher = index.createSearcher();
        searcher.setQueryCache(null);
        leaf = searcher.getIndexReader().leaves().get(0);
        return searcher;
    }

    /** The analysed tokens of headline and text. */
    public List<String> tokens() {
        return tokens;
    }

    /** The keys of the term sets that matched in the headline. */
    Set<String> titleSetKeys() {
        return titleSets.keySet();
    }

    /** The keys of the term sets that matched in headline and text. */
    Set<String> bodySetKeys() {
        return bodySets.keySet();
    }

    /** How many times a term set matched in headline and text. */
    int setCount(String topic, String set) {
        return bodySets.getOrDefault(TermSets.key(topic, set), 0);
    }

    /** Whether the query matches. */
    public boolean matches(Query query) {
        try {
            return searcher().count(query) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search failed", e);
        }
    }

    /** How many times the query matches (each matching word, phrase or term set once). */
    public int occurrences(Query query) {
        try {
            IndexSearcher s = searcher();
            Weight weight = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            Matches matches = weight.matches(leaf, 0);
            if (matches == null) {
                return 0;
            }
            int count = 0;
            for (String field : matches) {
                MatchesIterator it = matches.getMatches(field);
                while (it != null && it.next()) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search failed", e);
        }
    }

    private static List<String> repeated(Map<String, Integer> counts) {
        List<String> keys = new ArrayList<>();
        counts.forEach(
                (key, n) -> {
                    for (int i = 0; i < n; i++) {
                        keys.add(key);
                    }
                });
        return keys;
    }
}
