package io.vigil.dedup.story;

import io.vigil.core.event.ArticleFetched;
import io.vigil.core.url.ArticleIds;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Made-up articles for tests: paragraphs of pseudo-words, reproducible from a seed. */
public final class Texts {

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "fa", "gu", "ho", "ji", "ve", "zo",
        "ba", "ce", "du", "el", "or", "an", "is", "um", "ra", "te"
    };

    private Texts() {}

    /** A word list of {@code n} pseudo-words. */
    static List<String> vocabulary(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            for (int s = 1 + r.nextInt(3); s >= 0; s--) {
                w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            }
            words.add(w.toString());
        }
        return words;
    }

    /** An article text of {@code paragraphs} paragraphs of 40–60 words drawn from {@code words}. */
    static String story(List<String> words, int paragraphs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            StringBuilder b = new StringBuilder();
            int n = 40 + r.nextInt(21);
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : " ").append(words.get(r.nextInt(words.size())));
            }
            out.add(b.append('.').toString());
        }
        return String.join("\n\n", out);
    }

    public static ArticleFetched article(String url, String site, String text, Instant fetchedAt) {
        URI u = URI.create(url);
        return new ArticleFetched(
                ArticleFetched.SCHEMA,
                ArticleIds.of(u),
                null,
                u,
                u,
                u,
                "A headline",
                text,
                List.of(),
                null,
                null,
                "en",
                null,
                null,
                site,
                null,
                List.of(),
                ArticleFetched.Access.OPEN,
                null,
                new ArticleFetched.Fetch(200, "text/html", text.length(), fetchedAt, null));
    }
}
