package io.vigil.classifier;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the classifier stage ({@code vigil.classifier.*}). Every field has a default in
 * code.
 *
 * @param enabled whether this instance runs the classifier stream processor (default true)
 * @param applicationId the Kafka Streams application id: consumer group and state directory name;
 *     instances with the same id share the work (default {@code vigil-classifier})
 * @param stateDir where Kafka Streams keeps the feeds table (the outlets' countries), restored from
 *     the feeds topic when lost (default {@code data/classifier})
 * @param topicsDir the topic definitions, one {@code <id>.yml} per topic (default {@code
 *     config/topics})
 * @param labelsDir the labelled set the text models are trained from when no trained model is
 *     stored (default {@code seeds/labels})
 * @param modelsDir where {@code vigil train} writes the topics' text models ({@code <topic>.bin})
 *     (default {@code data/models})
 * @param lowAccuracyLanguages Lingua's low-accuracy mode for short texts: a tenth of the memory,
 *     slightly less accurate on texts of a few words (default true)
 * @param streamThreads Kafka Streams threads of this instance (default 2)
 * @param exactlyOnce exactly-once processing ({@code exactly_once_v2}) (default true)
 * @param replicationFactor replication of internal topics; -1 takes the broker's default (default
 *     -1)
 * @param commitInterval how often Kafka Streams commits, and with exactly-once how long output
 *     waits to become visible (default 100 ms)
 */
@Validated
@ConfigurationProperties("vigil.classifier")
public record ClassifierProperties(
        Boolean enabled,
        String applicationId,
        Path stateDir,
        Path topicsDir,
        Path labelsDir,
        Path modelsDir,
        Boolean lowAccuracyLanguages,
        Integer streamThreads,
        Boolean exactlyOnce,
        Integer replicationFactor,
        Duration commitInterval) {

    public ClassifierProperties {
        enabled = enabled == null || enabled;
        applicationId = applicationId == null ? "vigil-classifier" : applicationId;
        stateDir = stateDir == null ? Path.of("data/classifier") : stateDir;
        topicsDir = topicsDir == null ? Path.of("config/topics") : topicsDir;
        labelsDir = labelsDir == null ? Path.of("seeds/labels") : labelsDir;
        modelsDir = modelsDir == null ? Path.of("data/models") : modelsDir;
        lowAccuracyLanguages = lowAccuracyLanguages == null || lowAccuracyLanguages;
        streamThreads = streamThreads == null ? 2 : streamThreads;
        exactlyOnce = exactlyOnce == null || exactlyOnce;
        replicationFactor = replicationFactor == null ? -1 : replicationFactor;
        commitInterval = commitInterval == null ? Duration.ofMillis(100) : commitInterval;
        if (streamThreads < 1) {
            throw new IllegalArgumentException("vigil.classifier.stream-threads must be >= 1");
        }
    }

    /** All defaults. */
    public static ClassifierProperties defaults() {
        return new ClassifierProperties(
                null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same settings for another application id and state directory (tests, benchmarks). */
    public ClassifierProperties withApplication(String id, Path dir) {
        return new ClassifierProperties(
                enabled,
                id,
                dir,
                topicsDir,
                labelsDir,
                modelsDir,
                lowAccuracyLanguages,
                streamThreads,
                exactlyOnce,
                replicationFactor,
                commitInterval);
    }
}
