package io.vigil.classifier.topic;

import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.search.Query;

/**
 * A compiled topic query: evaluated on the matched term sets when it only combines {@code @set}
 * references ({@link SetQueries}), else in the article's in-memory Lucene index.
 *
 * @param lucene the parsed query
 * @param onSets the same query over set keys, or null
 * @param title whether it is about the headline (else headline and text)
 */
record EvidenceQuery(Query lucene, Predicate<Set<String>> onSets, boolean title) {

    static EvidenceQuery of(Query lucene, boolean title) {
        return new EvidenceQuery(lucene, SetQueries.compile(lucene), title);
    }

    boolean matches(ArticleEvidence evidence) {
        return onSets != null
                ? onSets.test(title ? evidence.titleSetKeys() : evidence.bodySetKeys())
                : evidence.matches(lucene);
    }
}
