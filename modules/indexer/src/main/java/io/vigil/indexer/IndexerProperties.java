package io.vigil.indexer;

import io.vigil.core.search.ArticleDocument;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the indexer ({@code vigil.indexer.*}). Every field has a default in code.
 *
 * @param enabled whether this instance runs the indexer (default true)
 * @param alias the alias searches use; monthly indices are named {@code <alias>-yyyy.MM} and the
 *     index template {@code <alias>} (default {@code vigil-articles})
 * @param groupId the Kafka consumer group; instances with the same group share the partitions
 *     (default {@code vigil-indexer}, after the topic prefix)
 * @param bulkActions documents per bulk request at most (default 1000)
 * @param bulkSize bytes per bulk request at most (default 5 MB)
 * @param flushInterval a partial bulk request is sent after this long (default 1 s)
 * @param concurrentRequests bulk requests in flight at once (default 2)
 * @param maxPending records read but not yet acknowledged by Elasticsearch at most: beyond this the
 *     consumer pauses until half of them are acknowledged (default 5000)
 * @param maxPollRecords records per Kafka poll at most (default 1000)
 * @param commitInterval how often acknowledged offsets are committed (default 1 s)
 * @param retryInitialBackoff the first wait after Elasticsearch failed (429, 5xx, unreachable);
 *     doubled after each further failure (default 500 ms)
 * @param retryMaxBackoff the longest wait between retries (default 30 s)
 * @param locatorCapacity article ids whose index this instance remembers, so that a refetch goes to
 *     the index its first version went to without asking Elasticsearch (default 100000)
 */
@Validated
@ConfigurationProperties("vigil.indexer")
public record IndexerProperties(
        Boolean enabled,
        String alias,
        String groupId,
        Integer bulkActions,
        DataSize bulkSize,
        Duration flushInterval,
        Integer concurrentRequests,
        Integer maxPending,
        Integer maxPollRecords,
        Duration commitInterval,
        Duration retryInitialBackoff,
        Duration retryMaxBackoff,
        Integer locatorCapacity) {

    public IndexerProperties {
        enabled = enabled == null || enabled;
        alias = alias == null || alias.isBlank() ? ArticleDocument.ALIAS : alias;
        groupId = groupId == null || groupId.isBlank() ? "vigil-indexer" : groupId;
        bulkActions = bulkActions == null ? 1000 : bulkActions;
        bulkSize = bulkSize == null ? DataSize.ofMegabytes(5) : bulkSize;
        flushInterval = flushInterval == null ? Duration.ofSeconds(1) : flushInterval;
        concurrentRequests = concurrentRequests == null ? 2 : concurrentRequests;
        maxPending = maxPending == null ? 5000 : maxPending;
        maxPollRecords = maxPollRecords == null ? 1000 : maxPollRecords;
        commitInterval = commitInterval == null ? Duration.ofSeconds(1) : commitInterval;
        retryInitialBackoff =
                retryInitialBackoff == null ? Duration.ofMillis(500) : retryInitialBackoff;
        retryMaxBackoff = retryMaxBackoff == null ? Duration.ofSeconds(30) : retryMaxBackoff;
        locatorCapacity = locatorCapacity == null ? 100_000 : locatorCapacity;
        if (!alias.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("not an index alias: " + alias);
        }
        if (bulkActions < 1 || concurrentRequests < 1 || maxPending < 1 || maxPollRecords < 1) {
            throw new IllegalArgumentException(
                    "bulk-actions, concurrent-requests, max-pending, max-poll-records must be >= 1");
        }
    }

    /** All defaults. */
    public static IndexerProperties defaults() {
        return new IndexerProperties(
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings with another alias and consumer group (tests, bench). */
    public IndexerProperties withNames(String alias, String groupId) {
        return new IndexerProperties(
                enabled,
                alias,
                groupId,
                bulkActions,
                bulkSize,
                flushInterval,
                concurrentRequests,
                maxPending,
                maxPollRecords,
                commitInterval,
                retryInitialBackoff,
                retryMaxBackoff,
                locatorCapacity);
    }

    /** The index pattern of the monthly indices. */
    public String indexPattern() {
        return alias + "-*";
    }
}
