package io.vigil.api.trend;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.api.search.ArticleController;
import io.vigil.api.source.FeedCatalog;
import io.vigil.core.search.InvalidQueryException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/trends}: coverage over time. */
@RestController
@Tag(name = "trends", description = "Coverage over time")
public class TrendController {

    /** The most buckets one trend may have. */
    static final int MAX_BUCKETS = 1000;

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}";

    private final TrendSearch search;
    private final FeedCatalog catalog;
    private final Clock clock;

    @Autowired
    public TrendController(TrendSearch search, FeedCatalog catalog) {
        this(search, catalog, Clock.systemUTC());
    }

    TrendController(TrendSearch search, FeedCatalog catalog, Clock clock) {
        this.search = search;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping(path = "/api/trends", produces = "application/json")
    @Operation(
            summary = "Articles over time",
            description =
                    "Counts per hour, day, week or month for up to five queries side by side (or a"
                            + " topic, or all articles), optionally split by theme, language, outlet,"
                            + " outlet country or mentioned country; the same as a share of all"
                            + " articles of each bucket (attention); top outlets, stories carried by"
                            + " most outlets and significant title words of the first query; the"
                            + " feeds that were failing in the period.")
    public Trends trends(
            @Parameter(description = "Lucene queries, one series each (at most 5)")
                    @RequestParam(required = false)
                    List<String> q,
            @Parameter(description = "a label per query") @RequestParam(required = false)
                    List<String> label,
            @Parameter(description = "only articles relevant to this topic")
                    @RequestParam(required = false)
                    String topic,
            @Parameter(description = "start (date or ISO time), default 30 days before to")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "end (date inclusive, or time exclusive), default now")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "hour, day, week, month or auto (default)")
                    @RequestParam(required = false)
                    String interval,
            @Parameter(description = "theme, language, outlet, outlet_country or country")
                    @RequestParam(required = false)
                    String split,
            @Parameter(description = "values of the split shown (1-20, default 6)")
                    @RequestParam(defaultValue = "6")
                    int splitSize,
            @Parameter(description = "only these languages") @RequestParam(required = false)
                    List<String> lang,
            @Parameter(description = "only these outlets or domains")
                    @RequestParam(required = false)
                    List<String> source,
            @Parameter(description = "only articles mentioning these countries")
                    @RequestParam(required = false)
                    List<String> country,
            @Parameter(description = "length of the top lists (0-50, default 10)")
                    @RequestParam(defaultValue = "10")
                    int top)
            throws IOException {
        TrendQuery query =
                query(
                        q, label, topic, from, to, interval, split, splitSize, lang, source,
                        country, top);
        Trends trends = search.run(query);
        return new Trends(
                trends.interval(),
                trends.from(),
                trends.to(),
                trends.buckets(),
                trends.totals(),
                trends.series(),
                trends.topOutlets(),
                trends.topStories(),
                trends.terms(),
                trends.termsMethod(),
                catalog.coverage(query.from(), query.to()),
                trends.tookMs());
    }

    TrendQuery query(
            List<String> q,
            List<String> label,
            String topic,
            String from,
            String to,
            String interval,
            String split,
            int splitSize,
            List<String> lang,
            List<String> source,
            List<String> country,
            int top) {
        List<String> queries =
                q == null ? List.of() : q.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (queries.size() > TrendQuery.MAX_QUERIES) {
            throw InvalidQueryException.of(
                    "q", "At most " + TrendQuery.MAX_QUERIES + " queries can be compared.");
        }
        Instant end =
                to == null || to.isBlank()
                        ? clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1))
                        : ArticleController.time(to, "to", true);
        Instant start =
                from == null || from.isBlank()
                        ? end.minus(Duration.ofDays(30))
                        : ArticleController.time(from, "from", false);
        if (!start.isBefore(end)) {
            throw InvalidQueryException.of("from", "from must be before to.");
        }
        Interval width = interval(interval, start, end);
        if (width.bucketsIn(start, end) > MAX_BUCKETS) {
            throw InvalidQueryException.of(
                    "interval",
                    "That makes more than "
                            + MAX_BUCKETS
                            + " buckets; choose a wider interval or a shorter period.");
        }
        if (splitSize < 1 || splitSize > 20) {
            throw InvalidQueryException.of("splitSize", "splitSize must be between 1 and 20.");
        }
        if (top < 0 || top > 50) {
            throw InvalidQueryException.of("top", "top must be between 0 and 50.");
        }
        if (topic != null && !topic.isBlank() && !topic.matches(NAME)) {
            throw InvalidQueryException.of("topic", "Not a valid topic: " + topic);
        }
        return new TrendQuery(
                queries,
                label,
                topic == null || topic.isBlank() ? null : topic,
                start,
                end,
                width,
                split(split),
                splitSize,
                lang == null
                        ? null
                        : lang.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList(),
                source,
                country == null
                        ? null
                        : country.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList(),
                top);
    }

    private static Interval interval(String value, Instant from, Instant to) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("auto")) {
            return Interval.auto(from, to);
        }
        try {
            return Interval.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidQueryException.of(
                    "interval", "interval is hour, day, week, month or auto.");
        }
    }

    private static Split split(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Split.valueOf(
                    value.trim()
                            .toUpperCase(Locale.ROOT)
                            .replace('-', '_')
                            .replace("OUTLETCOUNTRY", "OUTLET_COUNTRY"));
        } catch (IllegalArgumentException e) {
            throw InvalidQueryException.of(
                    "split", "split is theme, language, outlet, outlet_country or country.");
        }
    }
}
