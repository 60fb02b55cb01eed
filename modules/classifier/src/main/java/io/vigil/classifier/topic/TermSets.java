package io.vigil.classifier.topic;

import io.vigil.classifier.text.PhraseMatcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic's named term sets, matched in one pass over an article's tokens. A match of set {@code s}
 * of topic {@code t} is recorded under the key {@code t/s}; queries refer to it as {@code @s}.
 */
public final class TermSets {

    private final String topic;
    private final PhraseMatcher<String> matcher = new PhraseMatcher<>();

    TermSets(String topic, Map<String, List<String>> terms) {
        this.topic = topic;
        terms.forEach(
                (name, phrases) -> {
                    for (String phrase : phrases) {
                        matcher.add(phrase, key(topic, name));
                    }
                });
    }

    /** The key a set's matches are recorded under. */
    static String key(String topic, String set) {
        return topic + "/" + set;
    }

    public String topic() {
        return topic;
    }

    /** How many times each set matches in the tokens, by key; sets that do not match are absent. */
    public Map<String, Integer> count(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        matcher.find(tokens, (key, length) -> counts.merge(key, 1, Integer::sum));
        return counts;
    }
}
