package io.vigil.crawler.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.core.feed.FeedHealth;
import io.vigil.crawler.http.FetchOutcome;
import java.util.Map;
import java.util.function.Supplier;

/** The crawler's metrics: polls by outcome, entries discovered, feeds by health. */
final class CrawlerMetrics {

    private final MeterRegistry registry;
    private final Counter entries;
    private final Counter badDefinitions;

    CrawlerMetrics(MeterRegistry registry, Supplier<Map<FeedHealth, Long>> health) {
        this.registry = registry;
        this.entries =
                Counter.builder("vigil.crawler.entries.discovered")
                        .description("New feed entries published")
                        .register(registry);
        this.badDefinitions =
                Counter.builder("vigil.crawler.feeds.unreadable")
                        .description("Feed definitions that could not be read")
                        .register(registry);
        for (FeedHealth h : FeedHealth.values()) {
            Gauge.builder("vigil.crawler.feeds", () -> health.get().getOrDefault(h, 0L))
                    .description("Feeds owned by this instance, by health")
                    .tag("health", h.name())
                    .register(registry);
        }
    }

    void polled(FetchOutcome outcome, int newEntries) {
        registry.counter("vigil.crawler.polls", "outcome", outcome.name()).increment();
        entries.increment(newEntries);
    }

    void badDefinition() {
        badDefinitions.increment();
    }
}
