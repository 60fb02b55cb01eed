package io.vigil.dedup.stream;

import io.vigil.core.event.ArticleFetched;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.url.ArticleIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the input: an article, or a dead letter saying why the bytes are not one. */
final class Reader {

    private static final Logger LOG = LoggerFactory.getLogger(Reader.class);

    /** Reasons given in dead letters. */
    enum Reason {
        /** The value is not an {@code ArticleFetched} in JSON. */
        UNREADABLE_RECORD,
        /** The value is empty (a tombstone). */
        EMPTY_RECORD
    }

    /** Either an article with its canonical id, or a dead letter. */
    record Read(String articleId, ArticleFetched article, DeadLetter deadLetter) {}

    private final JsonSerde<ArticleFetched> serde = JsonSerde.of(ArticleFetched.class);
    private final String topic;

    Reader(String topic) {
        this.topic = topic;
    }

    Read read(String key, byte[] value) {
        if (value == null || value.length == 0) {
            return dead(key, value, Reason.EMPTY_RECORD, "no value");
        }
        try {
            ArticleFetched article = serde.deserialize(topic, value);
            if (article == null) {
                return dead(key, value, Reason.EMPTY_RECORD, "JSON null");
            }
            return new Read(ArticleIds.of(article.canonicalUrl()), article, null);
        } catch (SerializationException | IllegalArgumentException e) {
            String detail =
                    e.getCause() == null
                            ? e.getMessage()
                            : e.getMessage() + ": " + e.getCause().getMessage();
            LOG.warn("Unreadable record {} on {}: {}", key, topic, detail);
            return dead(key, value, Reason.UNREADABLE_RECORD, detail);
        }
    }

    private Read dead(String key, byte[] value, Reason reason, String detail) {
        return new Read(
                null,
                null,
                new DeadLetter(
                        DeadLetter.SCHEMA,
                        DedupTopology.STAGE,
                        DedupTopology.VERSION,
                        topic,
                        key,
                        value == null ? null : new String(value, StandardCharsets.UTF_8),
                        reason.name(),
                        detail,
                        Instant.now()));
    }
}
