package io.vigil.app.bench;

import io.vigil.core.search.ArticleDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic articles with the shape of real coverage, for {@code vigil bench trends}: outlets of
 * very unequal size (Zipf), most in English and a long tail of other languages, a daily rhythm and
 * a few news spikes, stories syndicated by several outlets, a small relevant share for one topic
 * with its themes, one to three mentioned countries. Deterministic for a seed. Texts are short word
 * salads: trends aggregate keyword fields and titles, not the text.
 */
final class TrendCorpus {

    static final String TOPIC = "china-organ-harvesting";
    static final List<String> THEMES =
            List.of(
                    "forced-harvesting",
                    "transplant-tourism",
                    "detention",
                    "falun-gong",
                    "uyghurs",
                    "tibetans",
                    "international-response");
    static final List<String> WORDS =
            List.of(
                    "organ",
                    "harvesting",
                    "transplant",
                    "tribunal",
                    "prisoners",
                    "conscience",
                    "detention",
                    "camps",
                    "uyghur",
                    "xinjiang",
                    "tibet",
                    "falun",
                    "gong",
                    "hospital",
                    "waiting",
                    "times",
                    "sanctions",
                    "parliament",
                    "resolution",
                    "report",
                    "election",
                    "economy",
                    "market",
                    "football",
                    "weather",
                    "storm",
                    "trade",
                    "energy",
                    "climate",
                    "court",
                    "police",
                    "protest",
                    "minister",
                    "summit",
                    "health",
                    "vaccine",
                    "budget",
                    "border",
                    "refugees",
                    "rights");
    private static final List<String> LANGUAGES =
            List.of("en", "en", "en", "en", "en", "en", "zh", "zh", "fr", "de", "es", "ru", "ar");
    private static final List<String> COUNTRIES =
            List.of("CN", "US", "GB", "FR", "DE", "AU", "CA", "TW", "HK", "JP", "KR", "IN", "RU");

    private final int outlets;
    private final Instant end;
    private final Duration span;
    private final long seed;

    TrendCorpus(int outlets, Instant end, Duration span, long seed) {
        this.outlets = outlets;
        this.end = end;
        this.span = span;
        this.seed = seed;
    }

    Instant start() {
        return end.minus(span);
    }

    /** Article {@code i}; the same every time. */
    ArticleDocument article(int i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        int outlet = zipf(r, outlets);
        String lang = LANGUAGES.get(outlet % LANGUAGES.size());
        Instant date = date(r);
        boolean syndicated = r.nextInt(100) < 30;
        String storyId =
                syndicated
                        ? "story-" + (date.getEpochSecond() / 21_600) + "-" + r.nextInt(40)
                        : "a" + i;
        boolean relevant = r.nextInt(100) < 8;
        List<String> themes = new ArrayList<>();
        if (relevant) {
            themes.add(THEMES.get(zipf(r, THEMES.size())));
            if (r.nextBoolean()) {
                themes.add(THEMES.get(r.nextInt(THEMES.size())));
            }
        }
        double relevance = relevant ? 0.5 + r.nextDouble() * 0.5 : r.nextDouble() * 0.4;
        List<String> countries = new ArrayList<>();
        for (int c = 1 + r.nextInt(3); c > 0; c--) {
            String code = COUNTRIES.get(zipf(r, COUNTRIES.size()));
            if (!countries.contains(code)) {
                countries.add(code);
            }
        }
        String title = words(r, relevant ? 0 : 20, 7);
        String outletName = "Outlet " + outlet;
        return new ArticleDocument(
                ArticleDocument.SCHEMA,
                String.format(Locale.ROOT, "bench-%08d", i),
                "https://outlet" + outlet + ".example/a/" + i,
                null,
                "outlet" + outlet + ".example",
                outletName,
                COUNTRIES.get(outlet % COUNTRIES.size()),
                "feed-" + outlet,
                title,
                null,
                title + ". " + words(r, relevant ? 0 : 10, 30),
                Map.of(),
                List.of(),
                lang,
                0.99,
                date,
                date,
                null,
                date.plusSeconds(300),
                date.plusSeconds(310),
                false,
                "OPEN",
                storyId,
                syndicated ? storyId : null,
                syndicated ? 0.9 : 0,
                syndicated ? "DUPLICATE" : "NEW_STORY",
                countries,
                List.of(),
                relevant ? List.of(TOPIC) : List.of(),
                List.copyOf(themes),
                Map.of(ArticleDocument.relevanceKey(TOPIC), relevance),
                relevance,
                null,
                "bench");
    }

    /** A time in the period: denser by day than by night, with a spike every few weeks. */
    private Instant date(SplittableRandom r) {
        long seconds = span.toSeconds();
        if (r.nextInt(100) < 10) { // news spikes: 10% of articles within a day of a few events
            long event = (seconds / 9) * (1 + r.nextInt(8));
            return start().plusSeconds(Math.min(seconds - 1, event + r.nextLong(86_400)));
        }
        long day = r.nextLong(seconds / 86_400);
        long hour = r.nextInt(100) < 75 ? 7 + r.nextInt(14) : r.nextInt(24);
        return start().plusSeconds(day * 86_400 + hour * 3600 + r.nextInt(3600));
    }

    private static String words(SplittableRandom r, int from, int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                b.append(' ');
            }
            int w = from + zipf(r, WORDS.size() - from);
            b.append(WORDS.get(Math.min(w, WORDS.size() - 1)));
        }
        return b.toString();
    }

    /** 0..n-1, small values far likelier (about Zipf with exponent 1). */
    static int zipf(SplittableRandom r, int n) {
        double x = Math.exp(r.nextDouble() * Math.log(n + 1.0)) - 1;
        return Math.min(n - 1, (int) x);
    }
}
