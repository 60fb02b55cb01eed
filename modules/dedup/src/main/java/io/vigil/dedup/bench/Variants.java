package io.vigil.dedup.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The ways an outlet changes a story it carries: truncated leads and light edits. */
final class Variants {

    private static final String[] SUBSTITUTES = {
        "reported",
        "stated",
        "noted",
        "officials",
        "authorities",
        "however",
        "meanwhile",
        "significant",
        "major",
        "several",
        "many",
        "recent",
        "new",
        "local",
        "national",
        "according",
        "people",
        "government",
        "country",
        "week",
        "month",
        "year",
        "also"
    };

    private Variants() {}

    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** The first paragraphs, or the first 30–60 % of the words when there are few paragraphs. */
    static String lead(String text, SplittableRandom random) {
        List<String> paragraphs = paragraphs(text);
        double share = 0.3 + 0.3 * random.nextDouble();
        if (paragraphs.size() >= 4 && random.nextBoolean()) {
            int keep = Math.max(1, (int) Math.round(paragraphs.size() * share));
            return join(paragraphs.subList(0, keep));
        }
        String[] words = join(paragraphs).split(" ");
        int keep = Math.max(1, (int) Math.round(words.length * share));
        return String.join(" ", Arrays.copyOf(words, keep)) + " …";
    }

    /**
     * A light edit: about 3 % of the words substituted, about one sentence in twelve dropped, and
     * two paragraphs swapped in one case of two.
     */
    static String edit(String text, SplittableRandom random) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : paragraphs(text)) {
            StringBuilder kept = new StringBuilder();
            for (String sentence : p.split("(?<=[.!?])\\s+")) {
                if (random.nextInt(12) == 0 && p.length() > 200) {
                    continue;
                }
                String[] words = sentence.split(" ");
                for (int i = 0; i < words.length; i++) {
                    if (random.nextInt(33) == 0) {
                        words[i] = SUBSTITUTES[random.nextInt(SUBSTITUTES.length)];
                    }
                }
                if (kept.length() > 0) {
                    kept.append(' ');
                }
                kept.append(String.join(" ", words));
            }
            if (kept.length() > 0) {
                paragraphs.add(kept.toString());
            }
        }
        if (paragraphs.size() >= 3 && random.nextBoolean()) {
            int i = 1 + random.nextInt(paragraphs.size() - 1);
            String swap = paragraphs.get(i);
            paragraphs.set(i, paragraphs.get(i - 1));
            paragraphs.set(i - 1, swap);
        }
        return join(paragraphs);
    }

    /** A headline: the first words of the first sentence, or another wording of it. */
    static String headline(String text, boolean rewrite, SplittableRandom random) {
        String first = paragraphs(text).isEmpty() ? "" : paragraphs(text).get(0);
        String[] words = first.split(" ");
        int n = Math.min(words.length, 8 + random.nextInt(5));
        String h = String.join(" ", Arrays.copyOf(words, n));
        return rewrite ? "Update: " + h.toLowerCase(java.util.Locale.ROOT) + " (report)" : h;
    }
}
