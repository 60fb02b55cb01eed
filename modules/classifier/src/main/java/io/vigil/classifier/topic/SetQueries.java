package io.vigil.classifier.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Evaluates a query made only of {@code @set} references and boolean operators directly on the sets
 * an article matched, without a Lucene index: the common case, since topic files name their
 * vocabulary in term sets. Follows Lucene's boolean semantics (with required clauses, optional ones
 * only score; without, at least one must match).
 */
final class SetQueries {

    private SetQueries() {}

    /** The query as a predicate over matched set keys, or null when it uses anything else. */
    static Predicate<Set<String>> compile(Query query) {
        if (query instanceof TermQuery term) {
            String field = term.getTerm().field();
            if (!field.equals(ArticleEvidence.TITLE_SETS)
                    && !field.equals(ArticleEvidence.BODY_SETS)) {
                return null;
            }
            String key = term.getTerm().text();
            return sets -> sets.contains(key);
        }
        if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() > 1) {
            return null;
        }
        List<Predicate<Set<String>>> required = new ArrayList<>();
        List<Predicate<Set<String>>> optional = new ArrayList<>();
        List<Predicate<Set<String>>> prohibited = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            Predicate<Set<String>> p = compile(clause.getQuery());
            if (p == null) {
                return null;
            }
            switch (clause.getOccur()) {
                case MUST, FILTER -> required.add(p);
                case SHOULD -> optional.add(p);
                case MUST_NOT -> prohibited.add(p);
            }
        }
        boolean needsOptional = required.isEmpty();
        return sets -> {
            for (Predicate<Set<String>> p : required) {
                if (!p.test(sets)) {
                    return false;
                }
            }
            for (Predicate<Set<String>> p : prohibited) {
                if (p.test(sets)) {
                    return false;
                }
            }
            if (!needsOptional) {
                return true;
            }
            for (Predicate<Set<String>> p : optional) {
                if (p.test(sets)) {
                    return true;
                }
            }
            return false;
        };
    }
}
