package io.vigil.alerting.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * A parsed alert query turned into a tree that answers "does this article match" directly from the
 * article's terms ({@link ArticleTerms}), with the matching semantics of Lucene's queries: term,
 * boolean (required, prohibited, optional clauses and minimum-should-match), disjunction-max, exact
 * phrase, synonym, prefix, fuzzy, wildcard, regexp, match-all and match-none, boost and
 * constant-score wrappers. Fuzzy, wildcard and regexp leaves keep the automaton Lucene builds for
 * the query (compiled once, when the alert is registered) and match when it accepts one of the
 * article's terms of their field: what Lucene's terms enumeration over a one-document index finds.
 * Any other query (range, sloppy or multi-term phrases, ...) is a leaf the tree cannot decide: a
 * tree with such a leaf is not {@link #exact()}, and the whole alert query is run by Lucene Monitor
 * ({@link QueryMonitor}); the tree then only rules articles out ({@link #mayMatch}), so that the
 * monitor runs on an article only when one of its queries can match it. Matching only: no scores.
 *
 * <p>Running a query through an {@code IndexSearcher} costs some 15 µs of rewriting and weight
 * building before the one document is looked at; this tree costs a few hash look-ups.
 */
abstract class CompiledQuery {

    /** Whether the article matches; only for an {@link #exact()} tree. */
    abstract boolean matches(ArticleTerms article);

    /** Whether the tree decides every article itself (it has no part only Lucene can run). */
    boolean exact() {
        return true;
    }

    /**
     * False when the article cannot match; true when it matches or, for a tree that is not {@link
     * #exact()}, may match (its Lucene parts decide). Equal to {@link #matches} on an exact tree.
     */
    boolean mayMatch(ArticleTerms article) {
        return matches(article);
    }

    /**
     * Terms such that an article matching this query has at least one of them ({@code field}, term
     * pairs), or null when no such set is known (the query must run on every article). An empty
     * set: the query matches nothing. None is known unless a node says so.
     */
    Set<FieldTerm> anchors() {
        return null;
    }

    /** A term of a field. */
    record FieldTerm(String field, ArticleTerms.Key term) {}

    /** The compiled form of {@code query}. */
    static CompiledQuery compile(Query query) {
        Class<?> type = query.getClass();
        if (type == TermQuery.class) {
            Term t = ((TermQuery) query).getTerm();
            return new TermNode(t.field(), t.bytes());
        }
        if (type == BooleanQuery.class) {
            return bool((BooleanQuery) query);
        }
        if (type == DisjunctionMaxQuery.class) {
            List<CompiledQuery> any = new ArrayList<>();
            for (Query q : ((DisjunctionMaxQuery) query).getDisjuncts()) {
                any.add(compile(q));
            }
            return new BooleanNode(List.of(), List.of(), any, 1);
        }
        if (type == PhraseQuery.class) {
            return phrase((PhraseQuery) query);
        }
        if (type == SynonymQuery.class) {
            SynonymQuery s = (SynonymQuery) query;
            List<CompiledQuery> any = new ArrayList<>();
            for (Term t : s.getTerms()) {
                any.add(new TermNode(t.field(), t.bytes()));
            }
            return new BooleanNode(List.of(), List.of(), any, 1);
        }
        if (type == PrefixQuery.class) {
            Term t = ((PrefixQuery) query).getPrefix();
            return new PrefixNode(t.field(), t.bytes());
        }
        if (type == FuzzyQuery.class) {
            return fuzzy((FuzzyQuery) query);
        }
        if (type == WildcardQuery.class || type == RegexpQuery.class) {
            return automaton(query, ((org.apache.lucene.search.AutomatonQuery) query).getField());
        }
        if (type == BoostQuery.class) {
            return compile(((BoostQuery) query).getQuery());
        }
        if (type == ConstantScoreQuery.class) {
            return compile(((ConstantScoreQuery) query).getQuery());
        }
        if (type == MatchAllDocsQuery.class) {
            return new Constant(true);
        }
        if (type == MatchNoDocsQuery.class) {
            return new Constant(false);
        }
        return new LuceneNode(query);
    }

    /**
     * As {@code FuzzyQuery.getTermsEnum}: no edits is the term itself; else the terms its
     * Levenshtein automaton (edits, prefix length, transpositions) accepts.
     */
    private static CompiledQuery fuzzy(FuzzyQuery query) {
        Term t = query.getTerm();
        if (query.getMaxEdits() == 0) {
            return new TermNode(t.field(), t.bytes());
        }
        CompiledAutomaton a =
                FuzzyQuery.getFuzzyAutomaton(
                        t.text(),
                        query.getMaxEdits(),
                        query.getPrefixLength(),
                        query.getTranspositions());
        return a.type == CompiledAutomaton.AUTOMATON_TYPE.NORMAL
                ? new AutomatonNode(t.field(), a.runAutomaton)
                : new LuceneNode(query);
    }

    /**
     * The query's own compiled automaton (the one its terms enumeration runs), as its {@code visit}
     * hands it out: one term, all terms, none, or a byte automaton.
     */
    private static CompiledQuery automaton(Query query, String field) {
        List<Term> terms = new ArrayList<>();
        List<ByteRunAutomaton> automata = new ArrayList<>();
        query.visit(
                new QueryVisitor() {
                    @Override
                    public void consumeTerms(Query q, Term... ts) {
                        terms.addAll(List.of(ts));
                    }

                    @Override
                    public void consumeTermsMatching(
                            Query q,
                            String f,
                            java.util.function.Supplier<ByteRunAutomaton> automaton) {
                        automata.add(automaton.get());
                    }
                });
        if (terms.size() == 1 && automata.isEmpty()) {
            return new TermNode(field, terms.get(0).bytes());
        }
        if (terms.isEmpty() && automata.isEmpty()) {
            return new Constant(false);
        }
        if (terms.isEmpty() && automata.size() == 1 && automata.get(0) != null) {
            return new AutomatonNode(field, automata.get(0));
        }
        return new LuceneNode(query);
    }

    private static CompiledQuery bool(BooleanQuery query) {
        List<CompiledQuery> required = new ArrayList<>();
        List<CompiledQuery> prohibited = new ArrayList<>();
        List<CompiledQuery> optional = new ArrayList<>();
        for (BooleanClause c : query.clauses()) {
            CompiledQuery q = compile(c.getQuery());
            switch (c.getOccur()) {
                case MUST, FILTER -> required.add(q);
                case MUST_NOT -> prohibited.add(q);
                case SHOULD -> optional.add(q);
            }
        }
        // Lucene: with required clauses the optional ones only count towards the minimum; with
        // none, at least one optional clause must match (none at all: nothing matches).
        int minimum =
                required.isEmpty()
                        ? Math.max(1, query.getMinimumNumberShouldMatch())
                        : query.getMinimumNumberShouldMatch();
        return new BooleanNode(required, prohibited, optional, minimum);
    }

    private static CompiledQuery phrase(PhraseQuery query) {
        Term[] terms = query.getTerms();
        if (terms.length == 0) {
            return new Constant(false);
        }
        if (terms.length == 1) {
            return new TermNode(terms[0].field(), terms[0].bytes());
        }
        if (query.getSlop() != 0) {
            // a sloppy phrase needs all its terms: checked here before Lucene Monitor runs it
            List<CompiledQuery> required = new ArrayList<>();
            for (Term t : terms) {
                required.add(new TermNode(t.field(), t.bytes()));
            }
            required.add(new LuceneNode(query));
            return new BooleanNode(required, List.of(), List.of(), 0);
        }
        BytesRef[] bytes = new BytesRef[terms.length];
        for (int i = 0; i < terms.length; i++) {
            bytes[i] = terms[i].bytes();
        }
        return new PhraseNode(terms[0].field(), bytes, query.getPositions());
    }

    private static final class TermNode extends CompiledQuery {
        final String field;
        final int fieldId;
        final ArticleTerms.Key term;

        TermNode(String field, BytesRef term) {
            this.field = field;
            this.fieldId = ArticleTerms.fieldId(field);
            this.term = ArticleTerms.Key.copyOf(term);
        }

        @Override
        boolean matches(ArticleTerms article) {
            return article.positions(fieldId, term) != null;
        }

        @Override
        Set<FieldTerm> anchors() {
            return Set.of(new FieldTerm(field, term));
        }
    }

    /** An exact phrase: every term at its offset from the first. */
    private static final class PhraseNode extends CompiledQuery {
        final String field;
        final int fieldId;
        final ArticleTerms.Key[] terms;
        final int[] offsets;

        PhraseNode(String field, BytesRef[] terms, int[] offsets) {
            this.field = field;
            this.fieldId = ArticleTerms.fieldId(field);
            this.terms = new ArticleTerms.Key[terms.length];
            for (int i = 0; i < terms.length; i++) {
                this.terms[i] = ArticleTerms.Key.copyOf(terms[i]);
            }
            this.offsets = offsets.clone();
        }

        @Override
        boolean matches(ArticleTerms article) {
            ArticleTerms.Positions[] at = new ArticleTerms.Positions[terms.length];
            for (int i = 0; i < terms.length; i++) {
                at[i] = article.positions(fieldId, terms[i]);
                if (at[i] == null) {
                    return false;
                }
            }
            ArticleTerms.Positions first = at[0];
            next:
            for (int k = 0; k < first.count; k++) {
                int start = first.positions[k] - offsets[0];
                for (int i = 1; i < terms.length; i++) {
                    if (!at[i].contains(start + offsets[i])) {
                        continue next;
                    }
                }
                return true;
            }
            return false;
        }

        @Override
        Set<FieldTerm> anchors() {
            // any one term is required; the longest is likely the rarest
            ArticleTerms.Key best = terms[0];
            for (ArticleTerms.Key t : terms) {
                if (t.bytes.length > best.bytes.length) {
                    best = t;
                }
            }
            return Set.of(new FieldTerm(field, best));
        }
    }

    private static final class PrefixNode extends CompiledQuery {
        final int fieldId;
        final BytesRef prefix;

        PrefixNode(String field, BytesRef prefix) {
            this.fieldId = ArticleTerms.fieldId(field);
            this.prefix = BytesRef.deepCopyOf(prefix);
        }

        @Override
        boolean matches(ArticleTerms article) {
            return article.hasPrefix(fieldId, prefix);
        }
    }

    /** A fuzzy, wildcard or regexp term: the field has a term the automaton accepts. */
    private static final class AutomatonNode extends CompiledQuery {
        final int fieldId;
        final ByteRunAutomaton automaton;

        AutomatonNode(String field, ByteRunAutomaton automaton) {
            this.fieldId = ArticleTerms.fieldId(field);
            this.automaton = automaton;
        }

        @Override
        boolean matches(ArticleTerms article) {
            return article.hasTermAccepted(fieldId, automaton);
        }
    }

    private static final class Constant extends CompiledQuery {
        final boolean value;

        Constant(boolean value) {
            this.value = value;
        }

        @Override
        boolean matches(ArticleTerms article) {
            return value;
        }

        @Override
        Set<FieldTerm> anchors() {
            return value ? null : Set.of();
        }
    }

    /** A query only Lucene can run: the tree may match, Lucene Monitor decides. */
    private static final class LuceneNode extends CompiledQuery {
        final Query query;

        LuceneNode(Query query) {
            this.query = query;
        }

        @Override
        boolean matches(ArticleTerms article) {
            throw new IllegalStateException("only Lucene can run " + query);
        }

        @Override
        boolean exact() {
            return false;
        }

        @Override
        boolean mayMatch(ArticleTerms article) {
            return true;
        }
    }

    /**
     * Required clauses all match, no prohibited one does, and at least {@code minimum} optional
     * ones (a disjunction: no required clause and a minimum of 1).
     */
    private static final class BooleanNode extends CompiledQuery {
        final CompiledQuery[] required;
        final CompiledQuery[] prohibited;
        final CompiledQuery[] optional;
        final int minimum;
        final boolean exact;

        BooleanNode(
                List<CompiledQuery> required,
                List<CompiledQuery> prohibited,
                List<CompiledQuery> optional,
                int minimum) {
            // cheap clauses first: a Lucene leaf decides nothing
            Comparator<CompiledQuery> cost = Comparator.comparingInt(BooleanNode::cost);
            this.required = required.stream().sorted(cost).toArray(CompiledQuery[]::new);
            this.prohibited = prohibited.stream().sorted(cost).toArray(CompiledQuery[]::new);
            this.optional = optional.stream().sorted(cost).toArray(CompiledQuery[]::new);
            this.minimum = minimum;
            boolean all = true;
            for (List<CompiledQuery> clauses : List.of(required, prohibited, optional)) {
                for (CompiledQuery c : clauses) {
                    all &= c.exact();
                }
            }
            this.exact = all;
        }

        private static int cost(CompiledQuery q) {
            if (q instanceof LuceneNode) {
                return 2;
            }
            if (q instanceof BooleanNode b) {
                int max = 0;
                for (CompiledQuery[] clauses : List.of(b.required, b.prohibited, b.optional)) {
                    for (CompiledQuery c : clauses) {
                        max = Math.max(max, cost(c));
                    }
                }
                return max;
            }
            return q instanceof PrefixNode || q instanceof AutomatonNode ? 1 : 0;
        }

        @Override
        boolean matches(ArticleTerms article) {
            if (optional.length < minimum) {
                return false;
            }
            for (CompiledQuery q : required) {
                if (!q.matches(article)) {
                    return false;
                }
            }
            if (minimum > 0) {
                int matched = 0;
                int left = optional.length;
                for (CompiledQuery q : optional) {
                    left--;
                    if (q.matches(article) && ++matched >= minimum) {
                        break;
                    }
                    if (matched + left < minimum) {
                        return false;
                    }
                }
                if (matched < minimum) {
                    return false;
                }
            }
            for (CompiledQuery q : prohibited) {
                if (q.matches(article)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        boolean exact() {
            return exact;
        }

        @Override
        boolean mayMatch(ArticleTerms article) {
            if (exact) {
                return matches(article);
            }
            if (optional.length < minimum) {
                return false;
            }
            for (CompiledQuery q : required) {
                if (!q.mayMatch(article)) {
                    return false;
                }
            }
            if (minimum > 0) {
                int possible = 0;
                for (CompiledQuery q : optional) {
                    if (q.mayMatch(article) && ++possible >= minimum) {
                        break;
                    }
                }
                if (possible < minimum) {
                    return false;
                }
            }
            // only a prohibited clause that surely matches rules the article out
            for (CompiledQuery q : prohibited) {
                if (q.exact() && q.matches(article)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        Set<FieldTerm> anchors() {
            if (optional.length < minimum) {
                return Set.of();
            }
            Set<FieldTerm> best = null;
            for (CompiledQuery q : required) {
                best = better(best, q.anchors());
            }
            if (best != null || required.length > 0 && minimum == 0) {
                return best;
            }
            if (minimum == 0) {
                // prohibited clauses only: Lucene matches nothing
                return Set.of();
            }
            // at least one optional clause matches: the union of theirs
            Set<FieldTerm> union = new LinkedHashSet<>();
            for (CompiledQuery q : optional) {
                Set<FieldTerm> a = q.anchors();
                if (a == null) {
                    return null;
                }
                union.addAll(a);
            }
            return union;
        }

        /**
         * Of two anchor sets that each must be hit, the more selective: an empty one (nothing
         * matches), else the one whose shortest term is longest, else the smaller.
         */
        private static Set<FieldTerm> better(Set<FieldTerm> a, Set<FieldTerm> b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            if (a.isEmpty() || b.isEmpty()) {
                return Set.of();
            }
            int la = shortest(a);
            int lb = shortest(b);
            if (la != lb) {
                return la > lb ? a : b;
            }
            return b.size() < a.size() ? b : a;
        }

        private static int shortest(Set<FieldTerm> anchors) {
            int min = Integer.MAX_VALUE;
            for (FieldTerm t : anchors) {
                min = Math.min(min, t.term().bytes.length);
            }
            return min;
        }
    }
}
