package io.vigil.dedup.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.json.Json;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.url.ArticleIds;
import io.vigil.dedup.fingerprint.Signature;
import io.vigil.dedup.story.Arrival;
import io.vigil.dedup.story.Fingerprint;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An article with its fingerprint, on the stage's internal single-partition topic. Internal to the
 * stage: no other stage reads it, so it lives here and not in core.
 *
 * <p>Binary, not JSON: the deduplicating half needs only the arrival and the fingerprint, and
 * passes the article on as it came ({@code article}: the {@code ArticleFetched} JSON the stage
 * read), so the article's text is neither written nor read again between the two halves.
 *
 * @param arrival what deduplication needs of the article
 * @param signature its MinHash slots
 * @param shingles its distinct shingle count
 * @param buckets its LSH and anchor buckets
 * @param article the article's JSON, as read from the input topic
 */
record Fingerprinted(
        Arrival arrival, int[] signature, int shingles, long[] buckets, byte[] article) {

    Fingerprinted {
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(article, "article");
        buckets = buckets == null ? new long[0] : buckets;
    }

    static Fingerprinted of(Arrival arrival, Fingerprint f, byte[] article) {
        return new Fingerprinted(
                arrival, f.signature().toArray(), f.shingles(), f.buckets(), article);
    }

    Fingerprint fingerprint() {
        return new Fingerprint(new Signature(signature), shingles, buckets);
    }

    /** The topic's serde. */
    static Serde<Fingerprinted> serde() {
        Codec codec = new Codec();
        return Serdes.serdeFrom(codec, codec);
    }

    /** Format byte of the first (and only) version. */
    private static final byte V1 = 1;

    private static final class Codec
            implements Serializer<Fingerprinted>, Deserializer<Fingerprinted> {

        private final JsonSerde<ArticleFetched> articles = JsonSerde.of(ArticleFetched.class);

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            // nothing to configure
        }

        @Override
        public void close() {
            // holds no resources
        }

        @Override
        public byte[] serialize(String topic, Fingerprinted f) {
            if (f == null) {
                return null;
            }
            byte[] id = utf8(f.arrival().articleId());
            byte[] host = utf8(f.arrival().host());
            byte[] outlet = utf8(f.arrival().outlet());
            ByteBuffer b =
                    ByteBuffer.allocate(
                            1
                                    + 12
                                    + id.length
                                    + host.length
                                    + outlet.length
                                    + 8
                                    + 4
                                    + 4
                                    + 4 * f.signature().length
                                    + 4
                                    + 8 * f.buckets().length
                                    + 4
                                    + f.article().length);
            b.put(V1);
            put(b, id);
            put(b, host);
            put(b, outlet);
            b.putLong(f.arrival().fetchedAt());
            b.putInt(f.shingles());
            b.putInt(f.signature().length);
            for (int slot : f.signature()) {
                b.putInt(slot);
            }
            b.putInt(f.buckets().length);
            for (long bucket : f.buckets()) {
                b.putLong(bucket);
            }
            put(b, f.article());
            return b.array();
        }

        @Override
        public Fingerprinted deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            if (data.length > 0 && data[0] == '{') {
                return legacy(topic, data);
            }
            try {
                ByteBuffer b = ByteBuffer.wrap(data);
                byte version = b.get();
                if (version != V1) {
                    throw new SerializationException(
                            "unknown format "
                                    + version
                                    + " of a fingerprinted article on "
                                    + topic);
                }
                Arrival arrival =
                        new Arrival(
                                new String(bytes(b), StandardCharsets.UTF_8),
                                new String(bytes(b), StandardCharsets.UTF_8),
                                new String(bytes(b), StandardCharsets.UTF_8),
                                b.getLong());
                int shingles = b.getInt();
                int[] signature = new int[b.getInt()];
                for (int i = 0; i < signature.length; i++) {
                    signature[i] = b.getInt();
                }
                long[] buckets = new long[b.getInt()];
                for (int i = 0; i < buckets.length; i++) {
                    buckets[i] = b.getLong();
                }
                return new Fingerprinted(arrival, signature, shingles, buckets, bytes(b));
            } catch (BufferUnderflowException | NegativeArraySizeException e) {
                throw new SerializationException("truncated fingerprinted article on " + topic, e);
            }
        }

        /**
         * A record an earlier version left on the topic: JSON with the article inside, read so that
         * an upgrade in the middle of a stream loses nothing.
         */
        private Fingerprinted legacy(String topic, byte[] data) {
            byte[] article =
                    Reader.legacyArticle(
                            data,
                            new SerializationException(
                                    "unreadable fingerprinted article (JSON) on " + topic));
            try {
                JsonNode node = Json.mapper().readTree(data);
                JsonNode signature = node.get("signature");
                if (signature == null || !signature.isArray()) {
                    throw new SerializationException(
                            "a fingerprinted article (JSON) without a signature on " + topic);
                }
                ArticleFetched a = articles.deserialize(topic, article);
                return new Fingerprinted(
                        Arrival.of(ArticleIds.of(a.canonicalUrl()), a),
                        Json.mapper().treeToValue(signature, int[].class),
                        node.path("shingles").asInt(),
                        node.hasNonNull("buckets")
                                ? Json.mapper().treeToValue(node.get("buckets"), long[].class)
                                : new long[0],
                        article);
            } catch (IOException | IllegalArgumentException e) {
                throw new SerializationException(
                        "unreadable fingerprinted article (JSON) on " + topic, e);
            }
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        private static void put(ByteBuffer b, byte[] bytes) {
            b.putInt(bytes.length);
            b.put(bytes);
        }

        private static byte[] bytes(ByteBuffer b) {
            byte[] bytes = new byte[b.getInt()];
            b.get(bytes);
            return bytes;
        }
    }
}
