package io.vigil.classifier.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/** Set-only queries give the same answer without the index as Lucene gives with it. */
class SetQueriesTest {

    static final Map<String, List<String>> TERMS =
            Map.of("a", List.of("alpha"), "b", List.of("beta*"), "c", List.of("gamma ray"));

    static final List<String> QUERIES =
            List.of(
                    "@a",
                    "@a AND @b",
                    "@a OR @b",
                    "@a AND (@b OR @c)",
                    "@a -@b",
                    "+@a @b",
                    "@a AND NOT (@b OR @c)",
                    "(@a OR @b) AND (@b OR @c) AND NOT @a",
                    "@a OR @b OR @c");

    static final List<String> TEXTS =
            List.of(
                    "nothing here",
                    "alpha",
                    "betas",
                    "gamma ray",
                    "alpha beta",
                    "alpha gamma ray",
                    "beta gamma ray",
                    "alpha betamax gamma ray",
                    "gamma alone");

    @Test
    void sameAnswerAsTheIndex() {
        TermSets sets = new TermSets("t", TERMS);
        TopicQueryParser parser = new TopicQueryParser(ArticleEvidence.BODY, "t", TERMS);
        for (String q : QUERIES) {
            Query query = parse(parser, q);
            EvidenceQuery compiled = EvidenceQuery.of(query, false);
            assertThat(compiled.onSets()).as(q).isNotNull();
            for (String text : TEXTS) {
                ArticleEvidence evidence = new ArticleEvidence("", text, List.of(sets));
                assertThat(compiled.matches(evidence))
                        .as(q + " on '" + text + "'")
                        .isEqualTo(evidence.matches(query));
            }
        }
    }

    @Test
    void queriesWithWordsUseTheIndex() {
        TopicQueryParser parser = new TopicQueryParser(ArticleEvidence.BODY, "t", TERMS);
        EvidenceQuery q = EvidenceQuery.of(parse(parser, "@a AND \"waiting time*\""), false);
        assertThat(q.onSets()).isNull();
        TermSets sets = new TermSets("t", TERMS);
        assertThat(q.matches(new ArticleEvidence("", "alpha: waiting times", List.of(sets))))
                .isTrue();
        assertThat(q.matches(new ArticleEvidence("", "alpha: no wait", List.of(sets)))).isFalse();
    }

    private static Query parse(TopicQueryParser parser, String q) {
        try {
            return parser.parse(q);
        } catch (org.apache.lucene.queryparser.classic.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
