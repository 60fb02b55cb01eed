package io.vigil.alerting.stream;

import io.vigil.core.alert.AlertDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once per story: the first match of a story for an alert becomes a {@code MATCHED} entry (a
 * delivery to make); a later copy of the story becomes {@code ALSO_CARRIED} (its outlet joins the
 * earlier item, nothing is delivered again); a copy already seen (refetched) nothing. Runs on the
 * task that owns the story (input keyed by story id), so its store, keyed by delivery id, sees
 * every copy; with exactly-once the store, the log entries and the input offsets commit together.
 */
final class StoryDeliveries implements Processor<String, StoryMatch, String, AlertDelivery> {

    private static final Logger LOG = LoggerFactory.getLogger(StoryDeliveries.class);

    static final String STORE = "alerting-stories";

    private final Duration horizon;
    private final Duration sweepInterval;
    private ProcessorContext<String, AlertDelivery> context;
    private KeyValueStore<String, StorySeen> store;

    StoryDeliveries(Duration horizon, Duration sweepInterval) {
        this.horizon = horizon;
        this.sweepInterval = sweepInterval;
    }

    @Override
    public void init(ProcessorContext<String, AlertDelivery> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, StoryMatch> record) {
        StoryMatch match = record.value();
        for (String alertId : match.alertIds()) {
            AlertDelivery entry = decide(alertId, match);
            if (entry != null) {
                context.forward(new Record<>(alertId, entry, record.timestamp()));
            }
        }
    }

    /** The log entry for one alert's match, or null when the article was seen already. */
    AlertDelivery decide(String alertId, StoryMatch match) {
        String id = AlertDelivery.idOf(alertId, match.storyId());
        String articleId = match.article().articleId();
        StorySeen seen = store.get(id);
        if (seen == null) {
            List<String> outlets = match.outlet() == null ? List.of() : List.of(match.outlet());
            store.put(
                    id,
                    new StorySeen(
                            List.of(articleId), outlets, match.matchedAt(), match.matchedAt()));
            LOG.debug("Alert {} matched story {} ({})", alertId, match.storyId(), articleId);
            return entry(id, alertId, match, AlertDelivery.Kind.MATCHED, outlets);
        }
        if (seen.articleIds().contains(articleId)) {
            return null;
        }
        List<String> articles = new ArrayList<>(seen.articleIds());
        if (articles.size() < StorySeen.MAX_ARTICLES) {
            articles.add(articleId);
        }
        List<String> outlets = new ArrayList<>(seen.outlets());
        if (match.outlet() != null && !outlets.contains(match.outlet())) {
            outlets.add(match.outlet());
        }
        store.put(id, new StorySeen(articles, outlets, seen.firstAt(), match.matchedAt()));
        return entry(id, alertId, match, AlertDelivery.Kind.ALSO_CARRIED, outlets);
    }

    private static AlertDelivery entry(
            String id,
            String alertId,
            StoryMatch match,
            AlertDelivery.Kind kind,
            List<String> outlets) {
        return new AlertDelivery(
                AlertDelivery.SCHEMA,
                id,
                alertId,
                match.storyId(),
                kind,
                null,
                match.article(),
                outlets,
                null,
                match.matchedAt());
    }

    /** Forgets stories not seen within the horizon: a copy after that is a new delivery. */
    private void sweep(long now) {
        Instant cutoff = Instant.ofEpochMilli(now).minus(horizon);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, StorySeen> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, StorySeen> e = it.next();
                if (e.value.lastAt().isBefore(cutoff)) {
                    expired.add(e.key);
                }
            }
        }
        expired.forEach(store::delete);
        if (!expired.isEmpty()) {
            LOG.info("Forgot {} (alert, story) pairs not seen since {}", expired.size(), cutoff);
        }
    }
}
