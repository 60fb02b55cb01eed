package io.vigil.dedup.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.json.Json;
import io.vigil.dedup.story.Placement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the stage publishes for an article: its placement, and the article's JSON as it was read.
 * {@link #serializer()} writes the same JSON as an {@link ArticleAccepted} through {@code
 * JsonSerde} (the same field names, order and rules: nulls left out), with the article's JSON
 * copied in as it came instead of being decoded and encoded again.
 *
 * @param placement the story fields
 * @param article the article's {@code ArticleFetched} JSON, one JSON object, as read from the input
 */
record Accepted(Placement placement, byte[] article) {

    Accepted {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(article, "article");
    }

    static Serializer<Accepted> serializer() {
        return (topic, accepted) -> accepted == null ? null : accepted.toJson(topic);
    }

    /** The output topic's serde; only ever writes (consumers read {@link ArticleAccepted}). */
    static Serde<Accepted> serde() {
        return Serdes.serdeFrom(
                serializer(),
                (topic, bytes) -> {
                    throw new UnsupportedOperationException(
                            "the dedup stage writes accepted articles, never reads them");
                });
    }

    private byte[] toJson(String topic) {
        Placement p = placement;
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        int articleAt;
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(head)) {
            g.writeStartObject();
            g.writeNumberField("schema", ArticleAccepted.SCHEMA);
            g.writeStringField("articleId", p.articleId());
            g.writeFieldName("article");
            // an empty raw value (the generator writes the colon and counts the value as written);
            // the article goes in right there below
            g.writeRawValue("");
            g.flush();
            articleAt = head.size();
            g.writeStringField("outcome", p.outcome().name());
            g.writeStringField("storyId", p.storyId());
            if (p.duplicateOf() != null) {
                g.writeStringField("duplicateOf", p.duplicateOf());
            }
            g.writeNumberField("similarity", p.similarity());
            g.writeStringField("storyRepresentative", p.representative());
            g.writeNumberField("storyMembers", p.members());
            g.writeArrayFieldStart("storyOutlets");
            for (String outlet : p.outlets()) {
                g.writeString(outlet);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new SerializationException("cannot write an accepted article for " + topic, e);
        }
        byte[] rest = head.toByteArray();
        byte[] json = new byte[rest.length + article.length];
        System.arraycopy(rest, 0, json, 0, articleAt);
        System.arraycopy(article, 0, json, articleAt, article.length);
        System.arraycopy(
                rest, articleAt, json, articleAt + article.length, rest.length - articleAt);
        return json;
    }
}
