package io.vigil.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleAccepted.Outcome;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.dedup.story.Placement;
import io.vigil.dedup.story.Texts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stage passes the article's JSON through as it came, into the same output as before. */
class AcceptedTest {

    private final JsonSerde<ArticleFetched> articles = JsonSerde.of(ArticleFetched.class);
    private final JsonSerde<ArticleAccepted> accepted = JsonSerde.of(ArticleAccepted.class);
    private final ArticleFetched article =
            Texts.article(
                    "https://example.org/news/1",
                    "Le \"Monde\" 世界",
                    "Первый абзац.\n\n第二段。 \\ \u2028 end",
                    Instant.parse("2026-11-20T10:00:00Z"));

    @Test
    void writesTheSameJsonAsTheRecordWithTheArticleAsItCame() {
        for (Placement p :
                List.of(
                        new Placement("a1", Outcome.NEW_STORY, "a1", null, 1.0, "a1", 1, List.of()),
                        new Placement(
                                "a2",
                                Outcome.DUPLICATE,
                                "a1",
                                "a1",
                                0.8125,
                                "a1",
                                2,
                                List.of("Wire", "Le \"Monde\" 世界")))) {
            byte[] json = articles.serialize("in", article);
            byte[] spliced = Accepted.serializer().serialize("out", new Accepted(p, json));
            byte[] plain = accepted.serialize("out", p.accepted(article));
            assertThat(new String(spliced, StandardCharsets.UTF_8))
                    .isEqualTo(new String(plain, StandardCharsets.UTF_8));
            assertThat(accepted.deserialize("out", spliced)).isEqualTo(p.accepted(article));
        }
    }

    @Test
    void theReaderKeepsExactlyTheOneJsonObjectItRead() {
        Reader reader = new Reader("in");
        byte[] json = articles.serialize("in", article);
        assertThat(reader.read("k", json).json()).isSameAs(json);

        String padded = "  \n" + new String(json, StandardCharsets.UTF_8) + " \n ";
        Reader.Read read = reader.read("k", padded.getBytes(StandardCharsets.UTF_8));
        assertThat(read.json()).isEqualTo(json);

        String trailing = new String(json, StandardCharsets.UTF_8) + "{\"not\":\"this\"}";
        assertThat(reader.read("k", trailing.getBytes(StandardCharsets.UTF_8)).json())
                .isEqualTo(json);

        // UTF-16 input has no byte offsets: the article is written again as UTF-8
        byte[] utf16 = new String(json, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE);
        Reader.Read wide = reader.read("k", utf16);
        assertThat(wide.article()).isEqualTo(article);
        assertThat(articles.deserialize("in", wide.json())).isEqualTo(article);
    }

    @Test
    void aFingerprintedArticleCrossesTheInternalTopicIntact() {
        Reader.Read read = new Reader("in").read("k", articles.serialize("in", article));
        Fingerprinted f =
                new Fingerprinted(
                        io.vigil.dedup.story.Arrival.of(article),
                        new int[] {1, -2, 3},
                        42,
                        new long[] {7L, Long.MIN_VALUE},
                        read.json());
        var serde = Fingerprinted.serde();
        Fingerprinted back =
                serde.deserializer().deserialize("t", serde.serializer().serialize("t", f));
        assertThat(back.arrival()).isEqualTo(f.arrival());
        assertThat(back.signature()).containsExactly(1, -2, 3);
        assertThat(back.shingles()).isEqualTo(42);
        assertThat(back.buckets()).containsExactly(7L, Long.MIN_VALUE);
        assertThat(back.article()).isEqualTo(read.json());
    }

    @Test
    void recordsAnEarlierVersionLeftOnTheInternalTopicsAreReadToo() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = io.vigil.core.json.Json.mapper();
        com.fasterxml.jackson.databind.node.ObjectNode read = mapper.createObjectNode();
        read.put("articleId", "abc");
        read.set("article", mapper.valueToTree(article));
        Reader.Read hopped =
                Reader.hopSerde().deserializer().deserialize("t", mapper.writeValueAsBytes(read));
        assertThat(hopped.article()).isEqualTo(article);
        assertThat(articles.deserialize("t", hopped.json())).isEqualTo(article);

        com.fasterxml.jackson.databind.node.ObjectNode old = read.deepCopy();
        old.set("signature", mapper.valueToTree(new int[] {4, 5}));
        old.put("shingles", 9);
        old.set("buckets", mapper.valueToTree(new long[] {11L}));
        Fingerprinted f =
                Fingerprinted.serde()
                        .deserializer()
                        .deserialize("t", mapper.writeValueAsBytes(old));
        assertThat(f.arrival()).isEqualTo(io.vigil.dedup.story.Arrival.of(article));
        assertThat(f.signature()).containsExactly(4, 5);
        assertThat(f.shingles()).isEqualTo(9);
        assertThat(f.buckets()).containsExactly(11L);
        assertThat(articles.deserialize("t", f.article())).isEqualTo(article);

        assertThat(
                        org.assertj.core.api.Assertions.catchThrowable(
                                () ->
                                        Reader.hopSerde()
                                                .deserializer()
                                                .deserialize(
                                                        "t",
                                                        "{\"x\":1}"
                                                                .getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
    }
}
