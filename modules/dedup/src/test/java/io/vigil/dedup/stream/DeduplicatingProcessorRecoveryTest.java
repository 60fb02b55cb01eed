package io.vigil.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleAccepted.Outcome;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.url.ArticleIds;
import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.story.Arrival;
import io.vigil.dedup.story.Fingerprinter;
import io.vigil.dedup.story.InMemoryDedupState;
import io.vigil.dedup.story.Texts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Kafka Streams does to the deduplicating processor under exactly-once when a transaction is
 * aborted (or a task moves): the processor is closed, its stores are wiped and restored from the
 * changelog (which holds only committed writes, possibly written by another instance), and the same
 * processor instance is initialised again and processes the uncommitted records once more. Whatever
 * the processor keeps in memory must then agree with the restored stores: no entry of the aborted
 * transaction may survive, and no restored entry may be missed.
 */
class DeduplicatingProcessorRecoveryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir Path dir;

    private final DedupProperties settings =
            DedupProperties.defaults().withApplication("recovery-test", Path.of("unused"));
    private final Fingerprinter fingerprinter =
            new Fingerprinter(settings, new InMemoryDedupState());

    @Test
    void anAbortedTransactionLeavesNothingBehindInTheProcessor() {
        Task task = new Task();
        ArticleAccepted a = task.process(article("https://wire.example/a", "Wire", 0));
        Map<String, Map<Object, byte[]>> committed = task.snapshot();

        ArticleAccepted b = task.process(article("https://daily.example/b", "Daily", 0));
        assertThat(b.storyId()).isEqualTo(a.storyId());
        assertThat(b.storyMembers()).isEqualTo(2);

        // the transaction holding b aborts: close, wipe and restore, init, process b again
        task.abortTo(committed);
        ArticleAccepted again = task.process(article("https://daily.example/b", "Daily", 0));
        assertThat(again.outcome()).as("b was never committed").isEqualTo(Outcome.DUPLICATE);
        assertThat(again.storyId()).isEqualTo(a.storyId());
        assertThat(again.storyMembers()).as("b counted once").isEqualTo(2);

        ArticleAccepted c = task.process(article("https://courier.example/c", "Courier", 0));
        assertThat(c.storyId()).isEqualTo(a.storyId());
        assertThat(c.storyMembers()).isEqualTo(3);
        assertThat(c.storyOutlets()).containsExactly("Wire", "Daily", "Courier");
    }

    @Test
    void entriesRestoredFromTheChangelogAreFoundAfterReinitialisation() {
        // another instance processed the wire story and committed it to the changelogs
        Task other = new Task();
        ArticleAccepted a = other.process(article("https://wire.example/a", "Wire", 0));
        Map<String, Map<Object, byte[]>> changelog = other.snapshot();

        // this instance ran on its own (empty) stores, then takes the task over: its stores are
        // restored from the changelogs and the processor initialised again
        Task task = new Task();
        ArticleAccepted unrelated =
                task.process(article("https://elsewhere.example/x", "Elsewhere", 1));
        assertThat(unrelated.storyId()).isNotEqualTo(a.storyId());
        task.abortTo(changelog);

        ArticleAccepted b = task.process(article("https://daily.example/b", "Daily", 0));
        assertThat(b.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(b.storyId()).as("the restored story is found").isEqualTo(a.storyId());
        assertThat(b.storyMembers()).isEqualTo(2);
    }

    @Test
    void processingWithoutTheBucketFilterOrTheCacheGivesTheSameStories() {
        Task filtered = new Task(settings);
        Task plain = new Task(settings.withBucketFilterMb(0).withCacheMb(0));
        for (int i = 0; i < 12; i++) {
            ArticleFetched article =
                    article("https://outlet" + i + ".example/s" + i % 4, "Outlet " + i, i % 4);
            ArticleAccepted f = filtered.process(article);
            ArticleAccepted p = plain.process(article);
            assertThat(f.storyId()).isEqualTo(p.storyId());
            assertThat(f.storyMembers()).isEqualTo(p.storyMembers());
            assertThat(f.outcome()).isEqualTo(p.outcome());
            assertThat(f.duplicateOf()).isEqualTo(p.duplicateOf());
        }
    }

    /** One stream task's deduplicating processor on its own in-memory stores. */
    private final class Task {
        private final MockProcessorContext<String, Accepted> context;
        private final DeduplicatingProcessor processor;
        private final Map<String, KeyValueStore<Object, byte[]>> stores = new LinkedHashMap<>();
        private long offset;
        private final JsonSerde<ArticleFetched> articles = JsonSerde.of(ArticleFetched.class);
        private final JsonSerde<ArticleAccepted> accepted = JsonSerde.of(ArticleAccepted.class);

        Task() {
            this(settings);
        }

        Task(DedupProperties settings) {
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, "recovery-test");
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
            context = new MockProcessorContext<>(p, new TaskId(2, 0), dir.toFile());
            add(DedupTopology.ARTICLES, Serdes.String());
            add(DedupTopology.STORIES, Serdes.String());
            add(DedupTopology.BUCKETS, Serdes.Long());
            processor = new DeduplicatingProcessor(settings);
            processor.init(context);
        }

        @SuppressWarnings("unchecked")
        private <K> void add(String name, Serde<K> keys) {
            KeyValueStore<K, byte[]> store =
                    Stores.keyValueStoreBuilder(
                                    Stores.inMemoryKeyValueStore(name), keys, Serdes.ByteArray())
                            .withLoggingDisabled()
                            .build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
            stores.put(name, (KeyValueStore<Object, byte[]>) (KeyValueStore<?, byte[]>) store);
        }

        ArticleAccepted process(ArticleFetched article) {
            long now = T0.toEpochMilli() + ++offset * 1000;
            String id = ArticleIds.of(article.canonicalUrl());
            processor.process(
                    new Record<>(
                            id,
                            Fingerprinted.of(
                                    Arrival.of(article),
                                    fingerprinter.fingerprint(article, now),
                                    articles.serialize("in", article)),
                            now));
            List<ArticleAccepted> out = new ArrayList<>();
            context.forwarded()
                    .forEach(
                            f ->
                                    out.add(
                                            accepted.deserialize(
                                                    "out",
                                                    Accepted.serializer()
                                                            .serialize(
                                                                    "out", f.record().value()))));
            context.resetForwards();
            assertThat(out).hasSize(1);
            return out.get(0);
        }

        /** What the stores hold, as their changelogs would after a commit. */
        Map<String, Map<Object, byte[]>> snapshot() {
            Map<String, Map<Object, byte[]>> copy = new LinkedHashMap<>();
            stores.forEach(
                    (name, store) -> {
                        Map<Object, byte[]> entries = new LinkedHashMap<>();
                        try (KeyValueIterator<Object, byte[]> it = store.all()) {
                            it.forEachRemaining(kv -> entries.put(kv.key, kv.value.clone()));
                        }
                        copy.put(name, entries);
                    });
            return copy;
        }

        /**
         * As Kafka Streams handles an aborted transaction: closes the processor, wipes the stores
         * and restores them from {@code changelog}, then initialises the same processor again.
         */
        void abortTo(Map<String, Map<Object, byte[]>> changelog) {
            processor.close();
            stores.forEach(
                    (name, store) -> {
                        List<Object> keys = new ArrayList<>();
                        try (KeyValueIterator<Object, byte[]> it = store.all()) {
                            it.forEachRemaining(kv -> keys.add(kv.key));
                        }
                        keys.forEach(store::delete);
                        List<KeyValue<Object, byte[]>> restored = new ArrayList<>();
                        changelog.get(name).forEach((k, v) -> restored.add(KeyValue.pair(k, v)));
                        store.putAll(restored);
                    });
            processor.init(context);
        }
    }

    private static final String[] STORIES = {
        "The commission published its findings on Tuesday after a year of hearings in three"
                + " provinces, documenting detentions without charge and the closure of two"
                + " independent newspapers.\n\nOfficials declined to comment on the report, which"
                + " calls for the release of eleven journalists and an independent inquiry into"
                + " the deaths in custody recorded since the spring.",
        "Flood waters receded slowly along the river valley on Wednesday as engineers inspected"
                + " the damaged levee and farmers counted the cost of a second ruined harvest.\n\n"
                + "The regional government promised compensation within a month, but residents"
                + " said earlier payments had taken more than a year to arrive.",
        "A new survey of coastal fisheries suggests that catches of cod have fallen by a third in"
                + " a decade, prompting calls for stricter quotas and seasonal closures.\n\nThe"
                + " industry association disputed the figures and asked for an independent review"
                + " of the survey methods before any new rules are adopted.",
        "The city orchestra announced a winter season of free concerts in public libraries,"
                + " funded by a bequest from a retired music teacher who died last year.\n\nTickets"
                + " will not be needed, but seating is limited and the first concerts are expected"
                + " to fill quickly, organisers said on Thursday."
    };

    private static ArticleFetched article(String url, String site, int story) {
        return Texts.article(url, site, STORIES[story], T0);
    }
}
