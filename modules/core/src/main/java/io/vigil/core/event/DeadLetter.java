package io.vigil.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * What a stage could not process: the input as it came, why, and which version of the stage said
 * so. Published to {@code Topics.deadLetters(stage)} under the input's key.
 *
 * @param schema record version of this type
 * @param stage the stage that gave up, e.g. {@code crawler}
 * @param stageVersion that stage's version
 * @param sourceTopic the topic the input came from, or null when it did not come from Kafka
 * @param key the input's key, or null
 * @param input the input as text (UTF-8), or null when there was none
 * @param reason a short machine-readable reason, e.g. {@code UNREADABLE_RECORD}
 * @param detail a human-readable explanation
 * @param failedAt when the stage gave up
 */
public record DeadLetter(
        int schema,
        String stage,
        String stageVersion,
        String sourceTopic,
        String key,
        String input,
        String reason,
        String detail,
        Instant failedAt) {

    public static final int SCHEMA = 1;

    public DeadLetter {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageVersion, "stageVersion");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
        detail = detail == null ? "" : detail;
    }
}
