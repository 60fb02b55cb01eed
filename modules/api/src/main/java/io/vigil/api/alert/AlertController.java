package io.vigil.api.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.vigil.api.ApiProperties;
import io.vigil.api.search.ArticleQuery;
import io.vigil.api.search.ArticleSearch;
import io.vigil.api.search.SearchResult;
import io.vigil.core.alert.Alert;
import io.vigil.core.alert.AlertDelivery;
import io.vigil.core.search.QueryValidator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * Keyword alerts over HTTP: CRUD (the alerts topic is the store), a test-send and the delivery
 * history (through the delivery log), the Atom feed, and a preview of what a query would have
 * matched (a search). The API talks to the alerting stage only through those topics.
 */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    private final AlertStore store;
    private final DeliveryHistory history;
    private final ArticleSearch search;
    private final QueryValidator validator;
    private final ApiProperties settings;
    private final Clock clock;

    AlertController(
            AlertStore store,
            DeliveryHistory history,
            ArticleSearch search,
            ApiProperties settings,
            Clock clock) {
        this.store = store;
        this.history = history;
        this.search = search;
        this.validator = new QueryValidator(settings.maxQueryLength(), settings.maxClauses());
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary =
                    "The alerts, newest first: the caller's own; an admin's: all, or an owner's"
                            + " with owner")
    List<Alert> list(@RequestParam(required = false) String owner, WebRequest http) {
        Caller caller = Caller.of(http);
        if (!caller.admin()) {
            return store.list(caller.name());
        }
        return store.list(owner == null || owner.isBlank() ? null : owner);
    }

    @PostMapping
    @Operation(summary = "Creates an alert; a malformed query is a 400 that says where")
    ResponseEntity<Alert> create(@RequestBody AlertRequest request, WebRequest http) {
        Caller caller = Caller.of(http);
        Alert alert =
                request.withOwner(caller.owner(request.owner(), null))
                        .toAlert(UUID.randomUUID().toString(), null, validator, clock.instant());
        store.save(alert);
        return ResponseEntity.created(URI.create("/api/alerts/" + alert.id())).body(alert);
    }

    @GetMapping("/{id}")
    Alert get(@PathVariable String id, WebRequest http) {
        return existing(id, http);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replaces an alert (keeps its creation time and feed token)")
    Alert replace(@PathVariable String id, @RequestBody AlertRequest request, WebRequest http) {
        Alert previous = existing(id, http);
        Alert alert =
                request.withOwner(Caller.of(http).owner(request.owner(), previous))
                        .toAlert(id, previous, validator, clock.instant());
        store.save(alert);
        return alert;
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, WebRequest http) {
        existing(id, http);
        store.delete(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * A test-send: a {@code TEST} entry in the delivery log, which the alerting stage sends to the
     * alert's channels with a sample article (the newest the query matches, else a placeholder);
     * the outcome shows in the history.
     */
    @PostMapping("/{id}/test")
    @Operation(summary = "Sends a sample to the alert's channels; the outcome shows in its history")
    ResponseEntity<AlertDelivery> test(@PathVariable String id, WebRequest http)
            throws IOException {
        Alert alert = existing(id, http);
        Instant now = clock.instant();
        String storyId = "test-" + UUID.randomUUID();
        AlertDelivery request =
                new AlertDelivery(
                        AlertDelivery.SCHEMA,
                        AlertDelivery.idOf(id, storyId),
                        id,
                        storyId,
                        AlertDelivery.Kind.TEST,
                        null,
                        sample(alert),
                        List.of(),
                        null,
                        now);
        history.request(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(request);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "What the alert matched and delivered, newest first")
    List<AlertDelivery> deliveries(@PathVariable String id, WebRequest http) {
        existing(id, http);
        return history.of(id);
    }

    @GetMapping(value = "/{id}/feed", produces = "application/atom+xml")
    @Operation(summary = "The alert's Atom feed; needs the alert's feed token")
    ResponseEntity<String> feed(@PathVariable String id, @RequestParam String token) {
        Alert alert = store.get(id);
        // the same answer for no alert, no feed and a wrong token
        if (alert == null
                || alert.delivery().feed() == null
                || !MessageDigest.isEqual(
                        alert.delivery().feed().token().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such feed");
        }
        String self = "/api/alerts/" + id + "/feed?token=" + token;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(AtomFeed.render(alert, history.of(id), self));
    }

    /** What a query would have matched in the last {@code days} days: a search. */
    @GetMapping("/preview")
    @Operation(summary = "What a query (with filters) would have matched in the last days")
    SearchResult preview(
            @Parameter(description = "the alert's query") @RequestParam String q,
            @Parameter(description = "how many days back") @RequestParam(defaultValue = "7")
                    int days,
            @RequestParam(required = false) List<String> language,
            @RequestParam(required = false) List<String> source,
            @RequestParam(required = false) List<String> country,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) Double minRelevance,
            @RequestParam(required = false) Integer size)
            throws IOException {
        if (days < 1 || days > 365) {
            throw io.vigil.core.search.InvalidQueryException.of(
                    "days", "days must be between 1 and 365.");
        }
        Instant now = clock.instant();
        return search.search(
                new ArticleQuery(
                        q,
                        now.minus(Duration.ofDays(days)),
                        null,
                        language,
                        source,
                        country,
                        topic,
                        theme,
                        null,
                        minRelevance,
                        ArticleQuery.Sort.NEWEST,
                        1,
                        size == null ? settings.defaultPageSize() : size));
    }

    private AlertDelivery.MatchedArticle sample(Alert alert) throws IOException {
        SearchResult found = preview(alert.query(), 30, null, null, null, null, null, null, 1);
        if (!found.articles().isEmpty()) {
            var hit = found.articles().get(0);
            return new AlertDelivery.MatchedArticle(
                    hit.id(), hit.url(), hit.title(), hit.outlet(), hit.language(), hit.date(), "");
        }
        return new AlertDelivery.MatchedArticle(
                "sample",
                "https://example.org/vigil-test",
                "A sample article for your alert",
                "Vigil",
                "en",
                clock.instant(),
                "Nothing matched in the last 30 days; this is a placeholder.");
    }

    /** The alert, if the caller may use it: another user's is as missing as no alert. */
    private Alert existing(String id, WebRequest http) {
        Alert alert = store.get(id);
        if (alert == null || !Caller.of(http).mayUse(alert)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id);
        }
        return alert;
    }
}
