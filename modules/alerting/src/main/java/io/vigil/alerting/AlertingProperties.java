package io.vigil.alerting;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the alerting stage ({@code vigil.alerting.*}). Every field has a default in
 * code.
 *
 * @param enabled whether this instance matches and delivers alerts (default true)
 * @param applicationId the Kafka Streams application id of the matcher: consumer group and state
 *     directory name (default {@code vigil-alerting})
 * @param stateDir where Kafka Streams keeps the once-per-story store, restored from its changelog
 *     when lost (default {@code data/alerting})
 * @param streamThreads matcher threads of this instance (default 1)
 * @param exactlyOnce exactly-once processing ({@code exactly_once_v2}) (default true)
 * @param replicationFactor replication of internal topics; -1 takes the broker's default (default
 *     -1)
 * @param commitInterval how often the matcher commits, and with exactly-once how long its output
 *     waits to become visible (default 100 ms)
 * @param storyHorizon how long a story stays delivered for an alert after its last matching copy; a
 *     copy after that is delivered as new (default 30 days, as dedup's horizon)
 * @param sweepInterval how often stories past the horizon are forgotten (default 10 minutes)
 * @param senderGroup the consumer group of the senders, which share the log's partitions (default
 *     {@code vigil-alerting-sender})
 * @param mailFrom the sender address of alert emails (default {@code vigil@localhost})
 * @param baseUrl the address of the web UI and API, for links in notifications (default {@code
 *     http://127.0.0.1:8080})
 * @param attempts attempts per channel before a delivery is recorded as failed (default 4)
 * @param backoff the wait before the second attempt, doubled before each further one (default 1 s)
 * @param webhookTimeout how long a webhook may take to answer (default 10 s)
 * @param catalogTimeout how long the start waits to have read every alert before matching (default
 *     60 s)
 */
@Validated
@ConfigurationProperties("vigil.alerting")
public record AlertingProperties(
        Boolean enabled,
        String applicationId,
        Path stateDir,
        Integer streamThreads,
        Boolean exactlyOnce,
        Integer replicationFactor,
        Duration commitInterval,
        Duration storyHorizon,
        Duration sweepInterval,
        String senderGroup,
        String mailFrom,
        String baseUrl,
        Integer attempts,
        Duration backoff,
        Duration webhookTimeout,
        Duration catalogTimeout) {

    public AlertingProperties {
        enabled = enabled == null || enabled;
        applicationId = applicationId == null ? "vigil-alerting" : applicationId;
        stateDir = stateDir == null ? Path.of("data/alerting") : stateDir;
        streamThreads = streamThreads == null ? 1 : streamThreads;
        exactlyOnce = exactlyOnce == null || exactlyOnce;
        replicationFactor = replicationFactor == null ? -1 : replicationFactor;
        commitInterval = commitInterval == null ? Duration.ofMillis(100) : commitInterval;
        storyHorizon = storyHorizon == null ? Duration.ofDays(30) : storyHorizon;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(10) : sweepInterval;
        senderGroup = senderGroup == null ? "vigil-alerting-sender" : senderGroup;
        mailFrom = mailFrom == null ? "vigil@localhost" : mailFrom;
        baseUrl = baseUrl == null ? "http://127.0.0.1:8080" : baseUrl;
        attempts = attempts == null ? 4 : attempts;
        backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
        webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
        catalogTimeout = catalogTimeout == null ? Duration.ofSeconds(60) : catalogTimeout;
        if (streamThreads < 1 || attempts < 1) {
            throw new IllegalArgumentException(
                    "vigil.alerting.stream-threads and .attempts must be >= 1");
        }
    }

    /** All defaults. */
    public static AlertingProperties defaults() {
        return new AlertingProperties(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** These settings for another application, state directory and sender group (tests, bench). */
    public AlertingProperties withApplication(String id, Path dir, String group) {
        return new AlertingProperties(
                enabled,
                id,
                dir,
                streamThreads,
                exactlyOnce,
                replicationFactor,
                commitInterval,
                storyHorizon,
                sweepInterval,
                group,
                mailFrom,
                baseUrl,
                attempts,
                backoff,
                webhookTimeout,
                catalogTimeout);
    }

    /** These settings with another retry policy (tests). */
    public AlertingProperties withRetries(int attempts, Duration backoff) {
        return new AlertingProperties(
                enabled,
                applicationId,
                stateDir,
                streamThreads,
                exactlyOnce,
                replicationFactor,
                commitInterval,
                storyHorizon,
                sweepInterval,
                senderGroup,
                mailFrom,
                baseUrl,
                attempts,
                backoff,
                webhookTimeout,
                catalogTimeout);
    }
}
