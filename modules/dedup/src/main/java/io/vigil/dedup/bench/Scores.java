package io.vigil.dedup.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Clustering scores against the truth: pairwise precision and recall (over pairs of articles put in
 * one story) and purity (the share of articles in their cluster's majority class).
 *
 * @param precision true same-story pairs among the predicted ones
 * @param recall predicted same-story pairs among the true ones
 * @param purity Σ over clusters of the largest true class in it, over all articles
 * @param predictedPairs pairs predicted together
 * @param truePairs pairs truly together
 */
record Scores(double precision, double recall, double purity, long predictedPairs, long truePairs) {

    /**
     * @param predicted article → predicted cluster
     * @param truth article → true class (same keys)
     */
    static <A, P, T> Scores of(Map<A, P> predicted, Map<A, T> truth) {
        Map<P, Map<T, Integer>> table = new HashMap<>();
        Map<T, Integer> classSizes = new HashMap<>();
        for (Map.Entry<A, P> e : predicted.entrySet()) {
            T t = truth.get(e.getKey());
            table.computeIfAbsent(e.getValue(), p -> new HashMap<>()).merge(t, 1, Integer::sum);
            classSizes.merge(t, 1, Integer::sum);
        }
        long together = 0;
        long predictedPairs = 0;
        long majority = 0;
        for (Map<T, Integer> row : table.values()) {
            int size = 0;
            int max = 0;
            for (int n : row.values()) {
                together += pairs(n);
                size += n;
                max = Math.max(max, n);
            }
            predictedPairs += pairs(size);
            majority += max;
        }
        long truePairs = 0;
        for (int n : classSizes.values()) {
            truePairs += pairs(n);
        }
        return new Scores(
                predictedPairs == 0 ? 1.0 : (double) together / predictedPairs,
                truePairs == 0 ? 1.0 : (double) together / truePairs,
                predicted.isEmpty() ? 1.0 : (double) majority / predicted.size(),
                predictedPairs,
                truePairs);
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }
}
