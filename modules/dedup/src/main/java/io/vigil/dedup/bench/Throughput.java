package io.vigil.dedup.bench;

import io.vigil.core.event.ArticleFetched;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.bench.SyndicationSet.Doc;
import io.vigil.dedup.bench.SyndicationSet.Original;
import io.vigil.dedup.fingerprint.Signature;
import io.vigil.dedup.story.Deduplicator;
import io.vigil.dedup.story.Fingerprinter;
import io.vigil.dedup.story.InMemoryDedupState;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import io.vigil.dedup.stream.DirectStage;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/** The bench's throughput measurements: the stage path and the algorithm alone. */
final class Throughput {

    private Throughput() {}

    /**
     * Articles per second through both halves of the stage, each on its own thread as two stream
     * threads would run them, handing over through a bounded queue in place of the single-partition
     * topic. A first pass over three times as many earlier rounds of the same stories (dated before
     * the measured ones) warms the JIT up on the same path: after one pass as long as the measured
     * one, the JIT still took a core for a second of the measured pass. Only the second pass is
     * measured.
     */
    static double staged(
            DirectStage stage, List<Original> originals, long seed, int rounds, PrintStream out)
            throws InterruptedException {
        pass(stage, originals, seed, -WARMUP_ROUNDS, -1, "warm-up pass", out);
        return pass(stage, originals, seed, 1, rounds, "measured pass", out);
    }

    static final int WARMUP_ROUNDS = 48;

    private static double pass(
            DirectStage stage,
            List<Original> originals,
            long seed,
            int fromRound,
            int toRound,
            String label,
            PrintStream out)
            throws InterruptedException {
        // only what the input topic would hold: the bench's own live data stays small for the GC
        JsonSerde<ArticleFetched> serde = JsonSerde.of(ArticleFetched.class);
        List<String> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (int r = fromRound; r <= toRound; r++) {
            for (Doc d : SyndicationSet.generate(originals, seed, r)) {
                keys.add(d.article().articleId());
                values.add(serde.serialize("in", d.article()));
                times.add(d.article().fetch().fetchedAt().toEpochMilli());
            }
        }
        BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(256);
        long[] cpu = new long[2];
        AtomicLong outputs = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread fingerprinting =
                new Thread(
                        () -> {
                            long c0 = threads.getCurrentThreadCpuTime();
                            try {
                                for (int i = 0; i < values.size(); i++) {
                                    long t = times.get(i);
                                    queue.put(
                                            new Handover(
                                                    stage.fingerprint(
                                                            keys.get(i), values.get(i), t),
                                                    t));
                                }
                                queue.put(new Handover(null, -1));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            cpu[0] = threads.getCurrentThreadCpuTime() - c0;
                        },
                        "bench-fingerprint");
        long process0 = Settle.cpuMillis();
        Map<String, Long> threads0 = ThreadTimes.byName();
        long t0 = System.nanoTime();
        fingerprinting.start();
        long c1 = threads.getCurrentThreadCpuTime();
        for (Handover h = queue.take(); h.time() >= 0; h = queue.take()) {
            outputs.addAndGet(stage.deduplicate(h.bytes(), h.time()).size());
        }
        cpu[1] = threads.getCurrentThreadCpuTime() - c1;
        fingerprinting.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double processSeconds = (Settle.cpuMillis() - process0) / 1e3;
        Map<String, Long> busiest = ThreadTimes.since(threads0);
        int n = values.size();
        double perSecond = n / seconds;
        out.printf(
                Locale.ROOT,
                "%s, stage path, two threads (read + by-host hop + fingerprint | single-partition"
                        + " hop + LSH/story stores + output JSON; RocksDB stores, no broker, no"
                        + " commits): %d articles (%d outputs) in %.2f s = %.0f articles/s%n",
                label,
                n,
                outputs.get(),
                seconds,
                perSecond);
        out.printf(
                Locale.ROOT,
                "  CPU per article: fingerprinting half %.0f us, single-partition half %.0f us,"
                        + " the whole process %.0f us (%.2f cores busy; GC, JIT, RocksDB's own"
                        + " threads); the machine's load: %.1f%n",
                cpu[0] / 1e3 / n,
                cpu[1] / 1e3 / n,
                processSeconds * 1e6 / n,
                processSeconds / seconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "  CPU ms by thread (Linux): %s%n", busiest);
        return perSecond;
    }

    private record Handover(byte[] bytes, long time) {}

    /** The in-memory state keeps objects per entry: a tenth of the signatures fit a 1 GB heap. */
    private static final int IN_MEMORY_SIGNATURES = 100_000;

    /**
     * The algorithm alone: fingerprinting and deduplication on one thread over plain maps, no JSON,
     * no RocksDB, no handover; for comparison with the stage path.
     */
    static void algorithmic(
            List<Original> originals,
            long seed,
            int rounds,
            int signatures,
            DedupProperties settings,
            PrintStream out) {
        signatures = Math.min(signatures, IN_MEMORY_SIGNATURES);
        InMemoryDedupState state = new InMemoryDedupState();
        SplittableRandom random = new SplittableRandom(seed);
        long time = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < signatures; i++) {
            String id = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            int[] slots = new int[settings.hashes()];
            for (int j = 0; j < slots.length; j++) {
                slots[j] = random.nextInt();
            }
            Signature signature = new Signature(slots);
            state.putArticle(id, new StoredArticle(id, null, 1.0, "h", time, time, 500, signature));
            state.putStory(id, new StoredStory(id, 1, List.of("h"), time));
            for (int band = 0; band < settings.bands(); band++) {
                state.addToBucket(
                        signature.bucket(band, settings.rows()),
                        id,
                        time,
                        settings.bucketCapacity(),
                        0);
            }
        }
        Fingerprinter fingerprinter = new Fingerprinter(settings, state);
        Deduplicator deduplicator = new Deduplicator(settings, state);
        List<ArticleFetched> articles = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            for (Doc d : SyndicationSet.generate(originals, seed + 1, r)) {
                articles.add(d.article());
            }
        }
        int warmup = Math.min(1000, articles.size() / 5);
        long t0 = 0;
        for (int i = 0; i < articles.size(); i++) {
            if (i == warmup) {
                t0 = System.nanoTime();
            }
            ArticleFetched a = articles.get(i);
            long now = a.fetch().fetchedAt().toEpochMilli();
            deduplicator.accept(a, fingerprinter.fingerprint(a, now), now);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(
                Locale.ROOT,
                "in-memory algorithmic path (fingerprint + LSH + stories over plain maps holding %d"
                        + " signatures; no JSON, no RocksDB; one thread): %.0f articles/s%n",
                signatures,
                (articles.size() - warmup) / seconds);
    }
}
