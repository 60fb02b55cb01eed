package io.vigil.dedup.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.json.Json;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.url.ArticleIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
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

    /**
     * Either an article with its canonical id and its JSON (exactly the one JSON object read, to be
     * passed on as it came), or a dead letter.
     */
    record Read(String articleId, ArticleFetched article, byte[] json, DeadLetter deadLetter) {}

    private final ObjectReader articles = Json.mapper().readerFor(ArticleFetched.class);
    private final JsonSerde<ArticleFetched> serde = JsonSerde.of(ArticleFetched.class);
    private final String topic;

    Reader(String topic) {
        this.topic = topic;
    }

    Read read(String key, byte[] value) {
        if (value == null || value.length == 0) {
            return dead(key, value, Reason.EMPTY_RECORD, "no value");
        }
        try (JsonParser parser = Json.mapper().createParser(value)) {
            if (parser.nextToken() == null) {
                return dead(key, value, Reason.EMPTY_RECORD, "no JSON value");
            }
            long from = parser.currentTokenLocation().getByteOffset();
            ArticleFetched article = articles.readValue(parser);
            if (article == null) {
                return dead(key, value, Reason.EMPTY_RECORD, "JSON null");
            }
            long to = parser.currentLocation().getByteOffset();
            return new Read(
                    ArticleIds.of(article.canonicalUrl()),
                    article,
                    json(value, from, to, article),
                    null);
        } catch (IOException | SerializationException | IllegalArgumentException e) {
            String detail =
                    "cannot read ArticleFetched from topic " + topic + ": " + e.getMessage();
            LOG.warn("Unreadable record {} on {}: {}", key, topic, detail);
            return dead(key, value, Reason.UNREADABLE_RECORD, detail);
        }
    }

    /**
     * Serde of the by-host topic: a read article travels as its JSON as it came, and is decoded
     * again on the other side (it was readable when it was read). Records an earlier version left
     * on the topic (the whole {@code Read} as JSON, the article inside) are read too, so that an
     * upgrade in the middle of a stream loses nothing.
     */
    static Serde<Read> hopSerde() {
        JsonSerde<ArticleFetched> articles = JsonSerde.of(ArticleFetched.class);
        Serializer<Read> out = (topic, read) -> read == null ? null : read.json();
        Deserializer<Read> in =
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    byte[] json = bytes;
                    ArticleFetched article;
                    try {
                        article = articles.deserialize(topic, bytes);
                    } catch (SerializationException e) {
                        json = legacyArticle(bytes, e);
                        article = articles.deserialize(topic, json);
                    }
                    return new Read(ArticleIds.of(article.canonicalUrl()), article, json, null);
                };
        return Serdes.serdeFrom(out, in);
    }

    /**
     * The article inside a JSON object that holds it as its {@code article} field (the internal
     * topics' format before the article passed through as it came), or {@code failure} thrown.
     */
    static byte[] legacyArticle(byte[] bytes, SerializationException failure) {
        try {
            JsonNode article = Json.mapper().readTree(bytes).get("article");
            if (article != null && article.isObject()) {
                return Json.mapper().writeValueAsBytes(article);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        throw failure;
    }

    /**
     * The bytes of the one JSON object read: the value itself, or the object's span when something
     * surrounds it (whitespace, trailing bytes). Input that is not UTF-8 (Jackson also reads UTF-16
     * and UTF-32) has no byte offsets: the article is written again as UTF-8.
     */
    private byte[] json(byte[] value, long from, long to, ArticleFetched article) {
        if (from < 0 || to <= from || to > value.length || value[(int) from] != '{') {
            return serde.serialize(topic, article);
        }
        return from == 0 && to == value.length
                ? value
                : Arrays.copyOfRange(value, (int) from, (int) to);
    }

    private Read dead(String key, byte[] value, Reason reason, String detail) {
        return new Read(
                null,
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
