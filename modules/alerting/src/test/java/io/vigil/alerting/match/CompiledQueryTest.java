package io.vigil.alerting.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alerting.bench.Vocabulary;
import io.vigil.alerting.query.AlertQueryParser;
import io.vigil.alerting.query.ArticleFields;
import io.vigil.core.alert.Alert;
import io.vigil.core.event.ArticleClassified;
import io.vigil.testkit.AlertQueries;
import io.vigil.testkit.ClassifiedArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/**
 * The matcher answers as Lucene does: for many queries (every shape the parser produces, in several
 * languages, and the bench's generated alerts) over many articles, the alerts {@link AlertMatcher}
 * matches are exactly the queries that find the article in a Lucene {@link MemoryIndex} of it (what
 * Lucene Monitor computes). The queries the tree cannot decide go to the matcher's Lucene Monitor;
 * each query that matches is also checked on its own against the tree's and the term index's
 * pre-checks (which decide whether the monitor runs at all), since other queries that let the
 * monitor run could hide an article ruled out wrongly. Elasticsearch's side is {@code
 * AlertEquivalenceIT}.
 */
class CompiledQueryTest {

    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    static final List<String> QUERIES =
            AlertQueries.sharedAnd(
                    "\"prisoners conscience\"",
                    "\"prisoners of conscience\"",
                    "\"prisoners the conscience\"",
                    "\"killed for their organs\"",
                    "\"tribunal london\"~2",
                    "+uyghur camps",
                    "uyghur OR camps -xinjiang",
                    "((organ OR tribunal) AND (london OR geneva)) OR 器官",
                    "tribunal persecut*",
                    "title:\"organ harvesting\"",
                    "the",
                    "\"the of\"",
                    "\"prélèvement forcé\"",
                    "countries:GB AND countries:CN",
                    "themes:forced-harvesting",
                    "-tribunal -organ",
                    "nosuchfield:organ",
                    "published:[2020-01-01 TO 2030-01-01]",
                    "tribunal^3 organ",
                    "tribun* OR hospit*",
                    // fuzzy: AUTO (~), one and two edits, over text and keyword fields
                    "tribunl~",
                    "tribnal~1",
                    "tirbunal~1",
                    "tribunal~2",
                    "hospitl~2",
                    "orgn~",
                    "organ~1",
                    "or~",
                    "prisonr~ AND london",
                    "tribunl~ -geneva",
                    "outlet:wir~1",
                    "countries:CM~1",
                    "器宫~1",
                    "摘取器官~1",
                    "臓器~1",
                    "장기~1",
                    "적츌~1",
                    "prélèvment~1",
                    "prelevement~2",
                    "Organentnahme~2",
                    "органа~1",
                    "трибунал~",
                    // wildcards: ? and * inside and at the end
                    "tri?unal",
                    "trib*l",
                    "h?sp*",
                    "pris*ers",
                    "pris*er?",
                    "tribunal*",
                    "器*",
                    "摘?器官",
                    "臓*",
                    "장*",
                    "pr?lèvement",
                    "Org*nahme",
                    "орган*",
                    "трибун?л",
                    "outlet:W*e",
                    "countries:C?",
                    // regexps
                    "/hosp[iy]tal/",
                    "/org.n(s)?/",
                    "/[a-z]{3}/",
                    "/.*/",
                    "/tribunal/",
                    "/nosuch/",
                    "/器.*/",
                    "/орган.*/",
                    "/pr.l.vement/",
                    "/장.?/",
                    // prefixes
                    "prélè*",
                    "орг*",
                    "강*",
                    "organent*");

    static List<ArticleClassified> articles() {
        List<ArticleClassified> out = new ArrayList<>();
        out.add(
                ClassifiedArticles.article("https://wire.example/1")
                        .site("Wire")
                        .title("Tribunal finds forced organ harvesting continues")
                        .text(
                                "An independent tribunal in London found that prisoners of"
                                        + " conscience in China were killed for their organs."
                                        + " Falun Gong practitioners were the main source.")
                        .topic("organ-harvesting", 0.9, "forced-harvesting")
                        .countries("CN", "GB")
                        .build());
        out.add(
                ClassifiedArticles.article("https://herald.example/3")
                        .site("Herald")
                        .title("Uyghur camps in Xinjiang")
                        .text(
                                "Detainees in the camps of Xinjiang described forced blood tests."
                                        + " Uyghurs were detained in large numbers. The organ"
                                        + " transplant question was raised; harvesting organ"
                                        + " tissue.")
                        .countries("CN")
                        .build());
        out.add(
                ClassifiedArticles.article("https://geneva.example/7")
                        .title("UN tribunal hears Geneva testimony")
                        .text("A tribunal in Geneva heard testimony about persecution. Rain.")
                        .build());
        out.add(
                ClassifiedArticles.article("https://hospital.example/9")
                        .title("Hospital opens new wing")
                        .text("The hospital opened a new wing. The hospitl name was misspelt.")
                        .build());
        out.add(
                ClassifiedArticles.article("https://zh.example/10")
                        .site("中文新闻")
                        .language("zh")
                        .title("独立法庭：强制摘取器官仍在继续")
                        .text("独立法庭认定，强制摘取良心犯器官的做法仍在继续。法轮功学员是主要来源。")
                        .topic("organ-harvesting", 0.8)
                        .build());
        out.add(
                ClassifiedArticles.article("https://ja.example/14")
                        .language("ja")
                        .title("中国の臓器移植と強制摘出")
                        .text("独立民衆法廷は、中国で良心の囚人から臓器が強制的に摘出されていると結論づけた。")
                        .build());
        out.add(
                ClassifiedArticles.article("https://ko.example/15")
                        .language("ko")
                        .title("중국의 강제 장기 적출")
                        .text("독립 법정은 중국에서 양심수의 장기 적출이 계속되고 있다고 밝혔다.")
                        .build());
        out.add(
                ClassifiedArticles.article("https://fr.example/16")
                        .language("fr")
                        .title("Le prélèvement forcé d'organes en Chine")
                        .text("Un tribunal indépendant a conclu que des prisonniers sont tués.")
                        .build());
        out.add(
                ClassifiedArticles.article("https://de.example/17")
                        .language("de")
                        .title("Erzwungene Organentnahme in China")
                        .text(
                                "Ein unabhängiges Tribunal stellte fest, dass Organe entnommen werden.")
                        .build());
        out.add(
                ClassifiedArticles.article("https://ru.example/20")
                        .language("ru")
                        .title("Принудительное извлечение органов")
                        .text("Трибунал установил, что у узников совести извлекают органов.")
                        .build());
        out.add(ClassifiedArticles.article("https://empty.example/21").title("").text("").build());
        return out;
    }

    @Test
    void matchesWhatLuceneMatchesOnHandWrittenQueries() throws ParseException {
        assertSameAsLucene(QUERIES, articles());
    }

    @Test
    void matchesWhatLuceneMatchesOnTheBenchAlerts() throws ParseException {
        Vocabulary vocabulary = new Vocabulary(7);
        List<String> queries = new ArrayList<>();
        for (Alert a : vocabulary.alerts(1000, NOW)) {
            queries.add(a.query());
        }
        for (Alert a : Vocabulary.fuzzyAndWildcardAlerts(30, NOW)) {
            queries.add(a.query());
        }
        List<ArticleClassified> articles = new ArrayList<>(vocabulary.articles(60, NOW));
        assertSameAsLucene(queries, articles);
    }

    /**
     * Fuzzy queries as the parser cannot write them (a prefix length, no transpositions), built
     * directly on every field of every article: the compiled leaf matches exactly where Lucene
     * does, and decides by itself.
     */
    @Test
    void fuzzyLeavesWithEveryPrefixLengthAndTranspositionsMatchAsLucene() {
        Analyzer analyzer = ArticleFields.analyzer();
        List<String> words =
                List.of(
                        "tribunl",
                        "tirbunal",
                        "tribunal",
                        "hospitl",
                        "orgn",
                        "organs",
                        "prisonr",
                        "lodnon",
                        "器宫",
                        "器官",
                        "臓器",
                        "장기",
                        "organe",
                        "prélèvment",
                        "органов",
                        "трибунал",
                        "Wir",
                        "CM");
        Map<String, String> mismatches = new TreeMap<>();
        int matched = 0;
        for (ArticleClassified article : articles()) {
            MemoryIndex index = new MemoryIndex();
            for (IndexableField f : ArticleFields.document(article)) {
                index.addField(f, analyzer);
            }
            ArticleTerms terms = ArticleTerms.of(ArticleFields.document(article), analyzer);
            for (String field : terms.fieldNames()) {
                for (String word : words) {
                    for (int edits = 0; edits <= 2; edits++) {
                        for (int prefix : new int[] {0, 1, 3}) {
                            for (boolean transpositions : new boolean[] {true, false}) {
                                Query q =
                                        new FuzzyQuery(
                                                new Term(field, word),
                                                edits,
                                                prefix,
                                                50,
                                                transpositions);
                                CompiledQuery c = CompiledQuery.compile(q);
                                boolean expected = count(index, q) > 0;
                                matched += expected ? 1 : 0;
                                if (!c.exact() || c.matches(terms) != expected) {
                                    mismatches.put(
                                            article.articleId() + " " + q,
                                            c.exact()
                                                    ? expected ? "Lucene only" : "tree only"
                                                    : "not compiled");
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(mismatches).as("fuzzy queries on which the tree and Lucene differ").isEmpty();
        assertThat(matched).as("matches").isGreaterThan(100);
    }

    /** The parser's fuzzy, wildcard and regexp queries no longer need Lucene Monitor. */
    @Test
    void fuzzyWildcardAndRegexpQueriesCompileExactly() throws ParseException {
        Analyzer analyzer = ArticleFields.analyzer();
        for (String q :
                List.of("tribunl~", "hospitl~2", "器宫~1", "tri?unal", "pris*ers", "/org.n(s)?/")) {
            assertThat(CompiledQuery.compile(AlertQueryParser.parse(analyzer, q)).exact())
                    .as(q)
                    .isTrue();
        }
    }

    private static void assertSameAsLucene(List<String> queries, List<ArticleClassified> articles)
            throws ParseException {
        Analyzer analyzer = ArticleFields.analyzer();
        List<Query> parsed = new ArrayList<>();
        List<CompiledQuery> compiled = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            parsed.add(AlertQueryParser.parse(analyzer, queries.get(i)));
            compiled.add(CompiledQuery.compile(parsed.get(i)));
            alerts.add(AlertMatcherTest.alert("q" + i, queries.get(i)));
        }
        Map<String, String> mismatches = new TreeMap<>();
        int matched = 0;
        int monitored = 0;
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsert(alerts);
            assertThat(matcher.rejected()).isEmpty();
            monitored = matcher.monitored();
            for (ArticleClassified article : articles) {
                MemoryIndex index = new MemoryIndex();
                for (IndexableField f : ArticleFields.document(article)) {
                    index.addField(f, analyzer);
                }
                Set<String> expected = new HashSet<>();
                ArticleTerms terms = ArticleTerms.of(ArticleFields.document(article), analyzer);
                for (int i = 0; i < parsed.size(); i++) {
                    if (count(index, parsed.get(i)) > 0) {
                        expected.add("q" + i);
                        // on its own, not hidden by other queries that let the monitor run
                        CompiledQuery q = compiled.get(i);
                        if (!q.mayMatch(terms) || !anchored(q, terms)) {
                            mismatches.put(
                                    article.articleId() + " " + queries.get(i),
                                    "ruled out by the tree or the term index");
                        }
                    }
                }
                Set<String> actual = new HashSet<>(matcher.matchQueries(article));
                matched += expected.size();
                for (String id : union(expected, actual)) {
                    if (expected.contains(id) != actual.contains(id)) {
                        int i = Integer.parseInt(id.substring(1));
                        mismatches.put(
                                article.articleId() + " " + queries.get(i),
                                expected.contains(id) ? "Lucene only" : "matcher only");
                    }
                }
            }
        }
        assertThat(mismatches).as("queries on which the matcher and Lucene differ").isEmpty();
        assertThat(matched).as("matches").isGreaterThan(articles.size());
        assertThat(monitored)
                .as("queries in Lucene Monitor")
                .isEqualTo((int) compiled.stream().filter(q -> !q.exact()).count());
    }

    /** Whether the article has one of the query's anchor terms (or the query has none). */
    private static boolean anchored(CompiledQuery q, ArticleTerms terms) {
        Set<CompiledQuery.FieldTerm> anchors = q.anchors();
        if (anchors == null) {
            return true;
        }
        for (CompiledQuery.FieldTerm t : anchors) {
            if (terms.positions(ArticleTerms.fieldId(t.field()), t.term()) != null) {
                return true;
            }
        }
        return false;
    }

    private static int count(MemoryIndex index, Query q) {
        try {
            return index.createSearcher().count(q);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
