package io.vigil.alerting.bench;

import io.vigil.alerting.match.AlertMatcher;
import io.vigil.core.alert.Alert;
import io.vigil.core.event.ArticleClassified;
import java.time.Instant;
import java.util.List;

/**
 * Matching throughput on one thread: what the stage does per article before the story step
 * (analysis of the article, the candidates from the term index, their evaluation, filters).
 *
 * @param articlesPerSecond articles matched per second on one thread
 * @param articlesPerCpuSecond articles matched per second of the thread's CPU time
 * @param matchesPerArticle alerts matched per article, on average
 * @param registerMillis how long registering the alerts took
 */
public record MatchThroughput(
        double articlesPerSecond,
        double articlesPerCpuSecond,
        double matchesPerArticle,
        long registerMillis) {

    /**
     * Registers {@code alerts} and matches {@code articles} (after a warm-up of a fifth of them).
     */
    public static MatchThroughput measure(
            List<Alert> alerts, List<ArticleClassified> articles, double seconds) {
        try (AlertMatcher matcher = new AlertMatcher()) {
            long t0 = System.nanoTime();
            matcher.upsert(alerts);
            long registerMillis = (System.nanoTime() - t0) / 1_000_000;
            Instant now = Instant.now();
            for (int i = 0; i < articles.size() / 5; i++) {
                matcher.match(articles.get(i), now);
            }
            long matched = 0;
            long count = 0;
            java.lang.management.ThreadMXBean threads =
                    java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                matched += matcher.match(articles.get((int) (count % articles.size())), now).size();
                count++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            return new MatchThroughput(
                    count / elapsed, count / cpu, (double) matched / count, registerMillis);
        }
    }
}
