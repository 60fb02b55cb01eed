package io.vigil.classifier.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Finds many phrases in a token sequence in one pass: each phrase is a sequence of analysed tokens,
 * any of which may be a prefix ({@code transplant*} matches "transplants"; a Hangul word always is,
 * since Korean attaches particles to the noun). At each position the longest phrase wins and
 * matching resumes after it. Immutable once built; thread-safe for {@link #find}.
 *
 * <p>Hand-written rather than a per-article Lucene query because a topic has hundreds of terms: a
 * hash lookup per token (and per token prefix) is two orders of magnitude cheaper than rewriting
 * hundreds of prefix and span queries for every article.
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseMatcher<T> {

    private record Unit(String token, boolean prefix) {}

    private record Phrase<T>(List<Unit> units, T value) {}

    private final Map<String, List<Phrase<T>>> byExactFirst = new HashMap<>();
    private final Map<String, List<Phrase<T>>> byPrefixFirst = new HashMap<>();

    /**
     * Adds a phrase written as in configuration: words separated by spaces, a word ending in {@code
     * *} matches its endings. Returns false when the phrase has no tokens.
     */
    public boolean add(String phrase, T value) {
        List<Unit> units = new ArrayList<>();
        for (String word : phrase.trim().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            String bare = prefix ? word.substring(0, word.length() - 1) : word;
            List<String> tokens = TextAnalyzer.INSTANCE.tokens(bare);
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                units.add(new Unit(token, (prefix && i == tokens.size() - 1) || isHangul(token)));
            }
        }
        if (units.isEmpty()) {
            return false;
        }
        Unit first = units.get(0);
        List<Phrase<T>> phrases =
                (first.prefix() ? byPrefixFirst : byExactFirst)
                        .computeIfAbsent(first.token(), k -> new ArrayList<>());
        Phrase<T> entry = new Phrase<>(List.copyOf(units), value);
        if (!phrases.contains(entry)) {
            phrases.add(entry);
        }
        return true;
    }

    /**
     * Reports every match: its value and how many tokens it spans. Where phrases of different
     * values match the same longest span (a word in two term sets), each value is reported.
     *
     * @param tokens analysed tokens (see {@link TextAnalyzer#tokens})
     */
    public void find(List<String> tokens, BiConsumer<T, Integer> onMatch) {
        List<Phrase<T>> longest = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            longest.clear();
            String token = tokens.get(i);
            collect(byExactFirst.get(token), tokens, i, longest);
            if (!byPrefixFirst.isEmpty()) {
                for (int end = token.length(); end >= 1; end--) {
                    collect(byPrefixFirst.get(token.substring(0, end)), tokens, i, longest);
                }
            }
            if (longest.isEmpty()) {
                i++;
                continue;
            }
            int length = longest.get(0).units().size();
            List<T> reported = new ArrayList<>(longest.size());
            for (Phrase<T> p : longest) {
                if (!reported.contains(p.value())) {
                    reported.add(p.value());
                    onMatch.accept(p.value(), length);
                }
            }
            i += length;
        }
    }

    /** Adds the candidates matching at {@code i} to {@code longest}, keeping only the longest. */
    private void collect(
            List<Phrase<T>> candidates, List<String> tokens, int i, List<Phrase<T>> longest) {
        if (candidates == null) {
            return;
        }
        for (Phrase<T> p : candidates) {
            int best = longest.isEmpty() ? 0 : longest.get(0).units().size();
            if (p.units().size() >= best && matchesAt(p, tokens, i)) {
                if (p.units().size() > best) {
                    longest.clear();
                }
                longest.add(p);
            }
        }
    }

    private static boolean matchesAt(Phrase<?> p, List<String> tokens, int i) {
        if (i + p.units().size() > tokens.size()) {
            return false;
        }
        for (int k = 1; k < p.units().size(); k++) {
            Unit u = p.units().get(k);
            String have = tokens.get(i + k);
            if (!(u.prefix() ? have.startsWith(u.token()) : have.equals(u.token()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHangul(String token) {
        return !token.isEmpty()
                && Character.UnicodeScript.of(token.codePointAt(0))
                        == Character.UnicodeScript.HANGUL;
    }
}
