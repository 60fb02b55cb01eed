package io.vigil.api.source;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.api.ApiProperties;
import io.vigil.core.feed.Feed;
import io.vigil.core.feed.FeedHealth;
import io.vigil.core.feed.FeedState;
import io.vigil.core.kafka.Topics;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/feeds}: the sources with their health and articles per day; adding one publishes a
 * {@link Feed} to {@code vigil.feeds} (the crawler picks it up from there), removing one publishes
 * a tombstone.
 */
@RestController
@Tag(name = "feeds", description = "The sources Vigil polls")
public class SourceController {

    /**
     * Partitions of the feeds topic when the API creates it (no crawler ran yet): the crawler's
     * default, {@code vigil.crawler.feeds.partitions}, which the feed-state topic must match.
     */
    static final int FEED_PARTITIONS = 6;

    /** Articles per day are averaged over this many days. */
    static final int DAYS = 7;

    private final FeedCatalog catalog;
    private final RecordPublisher publisher;
    private final Topics topics;
    private final ElasticsearchClient client;
    private final ApiProperties settings;

    public SourceController(
            FeedCatalog catalog,
            RecordPublisher publisher,
            Topics topics,
            ElasticsearchClient client,
            ApiProperties settings) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.topics = topics;
        this.client = client;
        this.settings = settings;
    }

    /**
     * A feed as listed.
     *
     * @param feed the feed
     * @param health the outcome of its last poll ({@code NEW} before the first)
     * @param lastPolled when it was last polled, or null
     * @param lastSuccess the last good poll seen, or null
     * @param consecutiveErrors failed polls in a row
     * @param lastError the last failure's reason, or null
     * @param articlesPerDay its indexed articles per day over the last {@value #DAYS} days
     */
    public record FeedView(
            Feed feed,
            FeedHealth health,
            Instant lastPolled,
            Instant lastSuccess,
            int consecutiveErrors,
            String lastError,
            double articlesPerDay) {}

    @GetMapping(path = "/api/feeds", produces = "application/json")
    @Operation(summary = "The feeds, with health, last success, last error and articles per day")
    public List<FeedView> feeds() throws IOException {
        Map<String, Long> counts = articlesByFeed();
        return catalog.entries().stream()
                .map(
                        e -> {
                            FeedState s = e.state();
                            long n = counts.getOrDefault(e.feed().id(), 0L);
                            return new FeedView(
                                    e.feed(),
                                    s == null ? FeedHealth.NEW : s.health(),
                                    s == null ? null : s.lastPolled(),
                                    catalog.lastSuccess(e.feed().id()),
                                    s == null ? 0 : s.consecutiveErrors(),
                                    s == null ? null : s.lastError(),
                                    Math.round(n * 10.0 / DAYS) / 10.0);
                        })
                .toList();
    }

    @PostMapping(path = "/api/feeds", produces = "application/json")
    @Operation(summary = "Adds (or replaces) a feed; the crawler polls it from then on")
    public ResponseEntity<Feed> add(@RequestBody FeedRequest request) {
        Feed feed = request.toFeed();
        publisher.publish(topics.feeds(), FEED_PARTITIONS, feed.id(), feed, Feed.class);
        catalog.put(feed.id(), feed);
        return ResponseEntity.created(URI.create("/api/feeds/" + feed.id())).body(feed);
    }

    @DeleteMapping("/api/feeds/{id}")
    @Operation(summary = "Removes a feed (a tombstone on the feeds topic)")
    public ResponseEntity<Void> remove(@PathVariable String id) {
        if (catalog.feed(id) == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No feed " + id);
        }
        publisher.publish(topics.feeds(), FEED_PARTITIONS, id, null, Feed.class);
        catalog.put(id, (Feed) null);
        return ResponseEntity.noContent().build();
    }

    private Map<String, Long> articlesByFeed() throws IOException {
        Instant since = Instant.now().minus(Duration.ofDays(DAYS));
        var response =
                client.search(
                        s ->
                                s.index(settings.alias())
                                        .ignoreUnavailable(true)
                                        .allowNoIndices(true)
                                        .size(0)
                                        .query(
                                                q ->
                                                        q.range(
                                                                r ->
                                                                        r.date(
                                                                                d ->
                                                                                        d.field(
                                                                                                        "fetchedAt")
                                                                                                .gte(
                                                                                                        since
                                                                                                                .toString()))))
                                        .aggregations(
                                                "feeds",
                                                a -> a.terms(t -> t.field("feedId").size(10_000))),
                        Void.class);
        Map<String, Long> counts = new HashMap<>();
        var agg = response.aggregations().get("feeds");
        if (agg != null) {
            for (StringTermsBucket b : agg.sterms().buckets().array()) {
                counts.put(b.key().stringValue(), b.docCount());
            }
        }
        return counts;
    }
}
