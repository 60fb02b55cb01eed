package io.vigil.dedup;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the dedup stage ({@code vigil.dedup.*}). Every field has a default in code.
 *
 * @param enabled whether this instance runs the dedup stream processor (default true)
 * @param applicationId the Kafka Streams application id: the consumer group, the prefix of the
 *     internal (repartition and changelog) topics and the name of the state directory. Instances
 *     with the same id share the work and the state (default {@code vigil-dedup})
 * @param stateDir where Kafka Streams keeps its RocksDB stores; restored from the changelog topics
 *     when lost. Never under /tmp (default {@code data/dedup})
 * @param horizon how long an article can still be matched: signatures, buckets, stories and
 *     boilerplate paragraphs older than this are expired (default 30 days)
 * @param shingleSize tokens per shingle (words, or character bigrams in Chinese, Japanese, Korean,
 *     Thai...) (default 3)
 * @param hashes MinHash functions per signature; more estimate similarity better and cost more
 *     (default 128)
 * @param bands LSH bands: articles sharing all rows of any band are compared (default 20)
 * @param rows MinHash slots per band; bands × rows must not exceed hashes. With b bands of r rows
 *     the chance to become a candidate at Jaccard s is 1 - (1 - s^r)^b (default 2)
 * @param jaccardThreshold estimated Jaccard similarity from which two articles are one story
 *     (default 0.4)
 * @param containmentThreshold estimated share of the smaller article's shingles found in the larger
 *     one from which two articles are one story: truncated leads and copies with extra page
 *     furniture (default 0.55)
 * @param minMatchingSlots equal signature slots a containment match needs at least, so that a tiny
 *     or noisy overlap never decides (default 20: an estimated Jaccard of at least 0.16, whose
 *     relative error is then under a quarter)
 * @param minShingles articles with fewer distinct shingles are never matched by content, only by
 *     URL: too short to tell copies from coincidence (default 8)
 * @param bucketCapacity most recent articles kept per LSH bucket; a bucket of boilerplate that
 *     every article shares stays bounded (default 24)
 * @param edgeParagraphs how many leading and trailing paragraphs are checked against the paragraphs
 *     seen before at the same host, to strip its page furniture (default 10)
 * @param anchorParagraphs how many leading paragraphs (of at least 10 tokens, furniture stripped)
 *     are indexed by their exact hash besides the LSH bands: a truncated lead keeps its first
 *     paragraphs whole even where its Jaccard similarity to the full text is low (default 3)
 * @param maxCandidates most candidates compared per article, those sharing the most buckets first:
 *     bounds the work for a story carried by hundreds of outlets (default 64)
 * @param maxOutlets most outlets listed per story (default 200)
 * @param streamThreads Kafka Streams threads of this instance; with two, the fingerprinting tasks
 *     and the one deduplicating task run side by side, as the bench measures them (default 2)
 * @param exactlyOnce exactly-once processing ({@code exactly_once_v2}): state, output and input
 *     offsets commit together, so a crash neither loses nor repeats an article (default true)
 * @param replicationFactor replication of the internal topics; -1 takes the broker's default
 *     (default -1)
 * @param standbyReplicas warm copies of the state on other instances for fast fail-over (default 0)
 * @param commitInterval how often Kafka Streams commits (and, with exactly-once, how long output
 *     waits to become visible) (default 100 ms)
 * @param sweepInterval how often expired entries are swept from the stores (default 1 minute)
 * @param sweepBatch most entries examined per store and sweep, to bound each pause (default 20000)
 * @param bucketFilterMb heap for a Bloom filter of the bucket store's keys, in MB: most buckets of
 *     a new article are in no store yet, and the filter says so without a RocksDB read. It belongs
 *     to the deduplicating processor and is filled from the store each time Kafka Streams
 *     initialises the processor (start, rebalance, revival after an aborted transaction: always
 *     after the store is restored), so it never misses a key the store holds; keys of aborted
 *     writes or swept entries only cost a store read. Filling takes some seconds for tens of
 *     millions of buckets. 10 bits per bucket: the default holds some 27 million buckets (a million
 *     articles) at 1-2 % false positives. 0 turns it off (default 32)
 * @param cacheMb heap for the deduplicating processor's cache of the articles, stories and buckets
 *     it used last, decoded, in MB (estimated sizes). Copies of a story arrive close together, so
 *     the candidates of a new copy are mostly articles just written: the cache answers what would
 *     otherwise be a RocksDB read each. Made afresh with the bucket filter, and written through to
 *     the stores, so it never disagrees with them. 0 turns it off (default 64)
 */
@Validated
@ConfigurationProperties("vigil.dedup")
public record DedupProperties(
        Boolean enabled,
        String applicationId,
        Path stateDir,
        Duration horizon,
        Integer shingleSize,
        Integer hashes,
        Integer bands,
        Integer rows,
        Double jaccardThreshold,
        Double containmentThreshold,
        Integer minMatchingSlots,
        Integer minShingles,
        Integer bucketCapacity,
        Integer edgeParagraphs,
        Integer anchorParagraphs,
        Integer maxCandidates,
        Integer maxOutlets,
        Integer streamThreads,
        Boolean exactlyOnce,
        Integer replicationFactor,
        Integer standbyReplicas,
        Duration commitInterval,
        Duration sweepInterval,
        Integer sweepBatch,
        Integer bucketFilterMb,
        Integer cacheMb) {

    public DedupProperties {
        enabled = enabled == null || enabled;
        applicationId =
                applicationId == null || applicationId.isBlank() ? "vigil-dedup" : applicationId;
        stateDir = stateDir == null ? Path.of("data", "dedup") : stateDir;
        horizon = horizon == null ? Duration.ofDays(30) : horizon;
        shingleSize = shingleSize == null ? 3 : shingleSize;
        hashes = hashes == null ? 128 : hashes;
        bands = bands == null ? 20 : bands;
        rows = rows == null ? 2 : rows;
        jaccardThreshold = jaccardThreshold == null ? 0.4 : jaccardThreshold;
        containmentThreshold = containmentThreshold == null ? 0.55 : containmentThreshold;
        minMatchingSlots = minMatchingSlots == null ? 20 : minMatchingSlots;
        minShingles = minShingles == null ? 8 : minShingles;
        bucketCapacity = bucketCapacity == null ? 24 : bucketCapacity;
        edgeParagraphs = edgeParagraphs == null ? 10 : edgeParagraphs;
        anchorParagraphs = anchorParagraphs == null ? 3 : anchorParagraphs;
        maxCandidates = maxCandidates == null ? 64 : maxCandidates;
        maxOutlets = maxOutlets == null ? 200 : maxOutlets;
        streamThreads = streamThreads == null ? 2 : streamThreads;
        if (streamThreads < 1) {
            throw new IllegalArgumentException("vigil.dedup.stream-threads must be >= 1");
        }
        exactlyOnce = exactlyOnce == null || exactlyOnce;
        replicationFactor = replicationFactor == null ? -1 : replicationFactor;
        standbyReplicas = standbyReplicas == null ? 0 : standbyReplicas;
        commitInterval = commitInterval == null ? Duration.ofMillis(100) : commitInterval;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        sweepBatch = sweepBatch == null ? 20_000 : sweepBatch;
        bucketFilterMb = bucketFilterMb == null ? 32 : bucketFilterMb;
        cacheMb = cacheMb == null ? 64 : cacheMb;
        if (cacheMb < 0 || cacheMb > 16384) {
            throw new IllegalArgumentException("cache-mb must be 0 to 16384: " + cacheMb);
        }
        if (bucketFilterMb < 0 || bucketFilterMb > 1024) {
            throw new IllegalArgumentException(
                    "bucket-filter-mb must be 0 to 1024: " + bucketFilterMb);
        }
        if (shingleSize < 1 || hashes < 1 || bands < 1 || rows < 1 || bands * rows > hashes) {
            throw new IllegalArgumentException(
                    "need shingle-size, hashes, bands, rows >= 1 and bands x rows <= hashes");
        }
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the horizon must be positive: " + horizon);
        }
    }

    /** All defaults. */
    public static DedupProperties defaults() {
        return new DedupProperties(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings with another bucket filter size (tests, bench). */
    public DedupProperties withBucketFilterMb(int mb) {
        return with(applicationId, stateDir, mb, cacheMb);
    }

    /** These settings with another cache size (tests, bench). */
    public DedupProperties withCacheMb(int mb) {
        return with(applicationId, stateDir, bucketFilterMb, mb);
    }

    /** These settings with another application id and state directory (tests, bench). */
    public DedupProperties withApplication(String id, Path dir) {
        return with(id, dir, bucketFilterMb, cacheMb);
    }

    private DedupProperties with(
            String applicationId, Path stateDir, Integer bucketFilterMb, Integer cacheMb) {
        return new DedupProperties(
                enabled,
                applicationId,
                stateDir,
                horizon,
                shingleSize,
                hashes,
                bands,
                rows,
                jaccardThreshold,
                containmentThreshold,
                minMatchingSlots,
                minShingles,
                bucketCapacity,
                edgeParagraphs,
                anchorParagraphs,
                maxCandidates,
                maxOutlets,
                streamThreads,
                exactlyOnce,
                replicationFactor,
                standbyReplicas,
                commitInterval,
                sweepInterval,
                sweepBatch,
                bucketFilterMb,
                cacheMb);
    }
}
