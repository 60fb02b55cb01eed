package io.vigil.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.ArticleClassified.DetectedLanguage;
import io.vigil.core.event.ArticleClassified.ThemeRelevance;
import io.vigil.core.event.ArticleClassified.TopicRelevance;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.json.Json;
import io.vigil.core.url.ArticleIds;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Classified articles for the pipeline benchmark, as the classifier would publish them: the texts
 * of the article-extraction benchmark's ground truth (real news, several languages), else generated
 * text, under numbered URLs, so that any number of distinct articles share a few hundred texts.
 */
final class BenchCorpus {

    private static final String[] WORDS = {
        "tribunal", "organ", "harvesting", "detainees", "prison", "report", "government", "court",
        "rights", "witness", "hospital", "transplant", "evidence", "camp", "province", "official"
    };

    private final List<String[]> texts; // title, text, language

    private BenchCorpus(List<String[]> texts) {
        this.texts = texts;
    }

    /** The benchmark's texts, or generated ones when {@code dir} is null. */
    static BenchCorpus load(Path dir) throws IOException {
        List<String[]> texts = new ArrayList<>();
        if (dir != null) {
            JsonNode truth =
                    Json.mapper().readTree(Files.readString(dir.resolve("ground-truth.json")));
            Iterator<Map.Entry<String, JsonNode>> fields = truth.fields();
            while (fields.hasNext()) {
                String body = fields.next().getValue().path("articleBody").asText("");
                if (body.length() < 200) {
                    continue;
                }
                String title =
                        body.substring(
                                0,
                                Math.min(
                                        80,
                                        body.indexOf(' ', 60) > 0 ? body.indexOf(' ', 60) : 80));
                texts.add(new String[] {title, body, language(body)});
            }
        }
        if (texts.isEmpty()) {
            Random random = new Random(7);
            for (int t = 0; t < 200; t++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 600; w++) {
                    text.append(WORDS[random.nextInt(WORDS.length)])
                            .append(w % 40 == 39 ? ".\n\n" : " ");
                }
                texts.add(new String[] {"Generated article " + t, text.toString(), "en"});
            }
        }
        return new BenchCorpus(List.copyOf(texts));
    }

    /** Text {@code n} (cycling): title, body and language. */
    String[] text(int n) {
        return texts.get(n % texts.size());
    }

    /**
     * Generated English texts of about {@code words} words each (a vocabulary of the domain's
     * words), cheap to index: for benchmarks that need many articles rather than real prose.
     */
    static BenchCorpus generated(int words) {
        Random random = new Random(11);
        List<String[]> texts = new ArrayList<>();
        for (int t = 0; t < 200; t++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                text.append(WORDS[random.nextInt(WORDS.length)])
                        .append(w % 40 == 39 ? ".\n\n" : " ");
            }
            texts.add(new String[] {"Generated article " + t, text.toString(), "en"});
        }
        return new BenchCorpus(List.copyOf(texts));
    }

    int size() {
        return texts.size();
    }

    /** Average length of the texts, in characters. */
    long averageLength() {
        return texts.stream().mapToLong(t -> t[1].length()).sum() / texts.size();
    }

    /**
     * Article number {@code n}, fetched at {@code fetchedAt}, published a little earlier or not.
     */
    ArticleClassified article(String run, int n, Instant fetchedAt) {
        String[] t = texts.get(n % texts.size());
        URI url = URI.create("https://outlet" + (n % 50) + ".example/" + run + "/" + n);
        String id = ArticleIds.of(url);
        ArticleFetched fetched =
                new ArticleFetched(
                        ArticleFetched.SCHEMA,
                        id,
                        "feed-" + (n % 50),
                        url,
                        url,
                        url,
                        t[0],
                        t[1],
                        List.of("Reporter " + (n % 20)),
                        n % 3 == 0 ? null : fetchedAt.minusSeconds(900),
                        null,
                        t[2],
                        t[2],
                        null,
                        "Outlet " + (n % 50),
                        null,
                        List.of(),
                        ArticleFetched.Access.OPEN,
                        null,
                        new ArticleFetched.Fetch(200, "text/html", t[1].length(), fetchedAt, "0"));
        String story =
                n % 4 == 0 || n < 4
                        ? id
                        : ArticleIds.of(
                                URI.create(
                                        "https://outlet"
                                                + ((n - n % 4) % 50)
                                                + ".example/"
                                                + run
                                                + "/"
                                                + (n - n % 4)));
        ArticleAccepted accepted =
                new ArticleAccepted(
                        ArticleAccepted.SCHEMA,
                        id,
                        fetched,
                        story.equals(id)
                                ? ArticleAccepted.Outcome.NEW_STORY
                                : ArticleAccepted.Outcome.DUPLICATE,
                        story,
                        story.equals(id) ? null : story,
                        story.equals(id) ? 1.0 : 0.8,
                        story,
                        1 + n % 4,
                        List.of());
        double relevance = (n % 10) / 10.0;
        return new ArticleClassified(
                ArticleClassified.SCHEMA,
                id,
                accepted,
                new DetectedLanguage(t[2], 0.9),
                List.of(
                        new TopicRelevance(
                                "organ-harvesting",
                                relevance,
                                relevance >= 0.5,
                                List.of(
                                        new ThemeRelevance(
                                                "forced-harvesting", relevance, relevance >= 0.5))),
                        new TopicRelevance("tibet", 0.1, false, List.of())),
                List.of("CN"),
                List.of("xinjiang"),
                "GB",
                "bench",
                fetchedAt);
    }

    /** A rough language guess: Chinese when Han characters abound, else English. */
    private static String language(String text) {
        long han =
                text.codePoints()
                        .limit(2000)
                        .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                        .count();
        return han > 100 ? "zh" : "en";
    }
}
