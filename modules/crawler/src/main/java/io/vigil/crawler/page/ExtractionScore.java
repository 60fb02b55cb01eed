package io.vigil.crawler.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article-extraction benchmark's own metric: text split into {@code \w+} tokens (Unicode, as
 * Python's {@code re} reads it), overlapping 4-token shingles, per page true and false positives
 * and false negatives over the shingle multisets, per-page precision and recall averaged over
 * pages, F1 from the averaged precision and recall; accuracy is the share of pages whose token
 * lists match exactly.
 */
public final class ExtractionScore {

    private static final int SHINGLE = 4;

    private ExtractionScore() {}

    /** One page's scores. */
    public record PageScore(double precision, double recall, boolean exact) {}

    /** Scores averaged over pages. */
    public record Summary(double f1, double precision, double recall, double accuracy, int pages) {}

    /** The page's tokens: maximal runs of letters, numbers and underscores. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int start = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            boolean word = isWord(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    private static boolean isWord(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    public static PageScore score(String predicted, String truth) {
        List<String> predictedTokens = tokens(predicted);
        List<String> truthTokens = tokens(truth);
        Map<String, Integer> pred = shingles(predictedTokens);
        Map<String, Integer> gold = shingles(truthTokens);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<String, Integer> e : pred.entrySet()) {
            int p = e.getValue();
            int g = gold.getOrDefault(e.getKey(), 0);
            tp += Math.min(p, g);
            fp += Math.max(0, p - g);
        }
        for (Map.Entry<String, Integer> e : gold.entrySet()) {
            fn += Math.max(0, e.getValue() - pred.getOrDefault(e.getKey(), 0));
        }
        double precision =
                fp == 0 && fn == 0 ? 1 : tp == 0 && fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = fp == 0 && fn == 0 ? 1 : tp == 0 && fn == 0 ? 0 : tp / (double) (tp + fn);
        return new PageScore(precision, recall, predictedTokens.equals(truthTokens));
    }

    private static Map<String, Integer> shingles(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        int n = Math.max(1, tokens.size() - SHINGLE + 1);
        for (int i = 0; i < n && i < tokens.size(); i++) {
            String shingle =
                    String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + SHINGLE)));
            counts.merge(shingle, 1, Integer::sum);
        }
        return counts;
    }

    public static Summary summarize(List<PageScore> pages) {
        if (pages.isEmpty()) {
            return new Summary(0, 0, 0, 0, 0);
        }
        double p = pages.stream().mapToDouble(PageScore::precision).average().orElse(0);
        double r = pages.stream().mapToDouble(PageScore::recall).average().orElse(0);
        double accuracy = pages.stream().filter(PageScore::exact).count() / (double) pages.size();
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new Summary(f1, p, r, accuracy, pages.size());
    }
}
