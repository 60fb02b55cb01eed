package io.vigil.export.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.search.ArticleDocument;
import io.vigil.export.schema.ExportField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowWritersTest {

    static ArticleDocument article(String title, String outletCountry) {
        Instant t = Instant.parse("2026-01-05T10:00:00.123Z");
        return new ArticleDocument(
                1,
                "a1",
                "https://x.example/a",
                "https://x.example/a?r=1",
                "x.example",
                "X",
                outletCountry,
                "feed-1",
                title,
                null,
                "text",
                null,
                List.of("A, B", "C"),
                "en",
                0.9,
                t,
                null,
                null,
                t,
                t,
                true,
                "PAYWALLED",
                "a1",
                null,
                1.0,
                "NEW_STORY",
                List.of("CN"),
                List.of(),
                List.of("t"),
                List.of(),
                Map.of("t", 0.5, "b", 0.25),
                0.5,
                null,
                "c");
    }

    private static String write(Format format, List<ExportField> fields, ArticleDocument... docs)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowWriter w = format.open(out, fields, false)) {
            for (ArticleDocument d : docs) {
                w.write(d);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvIsRfc4180WithAHeaderAndCrlf() throws Exception {
        String csv =
                write(
                        Format.CSV,
                        ExportField.parse(
                                "id,title,outlet_country,authors,relevance,paywalled,date"),
                        article("Say \"no\",\r\nnow", null));
        assertThat(csv)
                .isEqualTo(
                        "id,title,outlet_country,authors,relevance,paywalled,date\r\n"
                                + "a1,\"Say \"\"no\"\",\r\nnow\",,\"[\"\"A, B\"\",\"\"C\"\"]\","
                                + "\"{\"\"b\"\":0.25,\"\"t\"\":0.5}\",true,2026-01-05T10:00:00.123Z\r\n");
    }

    @Test
    void jsonLinesHaveNullsArraysAndScores() throws Exception {
        String jsonl =
                write(
                        Format.JSONL,
                        ExportField.parse("id,outlet_country,authors,relevance"),
                        article("T", null),
                        article("T", "GB"));
        assertThat(jsonl)
                .isEqualTo(
                        "{\"id\":\"a1\",\"outlet_country\":null,\"authors\":[\"A, B\",\"C\"],"
                                + "\"relevance\":{\"b\":0.25,\"t\":0.5}}\n"
                                + "{\"id\":\"a1\",\"outlet_country\":\"GB\",\"authors\":[\"A, B\",\"C\"],"
                                + "\"relevance\":{\"b\":0.25,\"t\":0.5}}\n");
    }

    @Test
    void parquetSchemaUsesStandardLogicalTypes() {
        String schema = ArticleWriteSupport.schema(List.of(ExportField.values())).toString();
        assertThat(schema)
                .contains("optional binary id (STRING)")
                .contains("optional int64 date (TIMESTAMP(MILLIS,true))")
                .contains("optional group countries (LIST)")
                .contains("optional group relevance (MAP)")
                .contains("optional boolean paywalled");
    }

    @Test
    void parquetFilesStartAndEndWithTheMagic() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowWriter w = Format.PARQUET.open(out, List.of(ExportField.values()), true)) {
            w.write(article("T", null));
        }
        byte[] bytes = out.toByteArray();
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII))
                .isEqualTo("PAR1");
    }

    @Test
    void fieldsAndFormatsAreParsedOrRefused() {
        assertThat(ExportField.parse(null)).doesNotContain(ExportField.TEXT);
        assertThat(ExportField.parse("all")).contains(ExportField.TEXT);
        assertThat(ExportField.parse("title, id"))
                .containsExactly(ExportField.TITLE, ExportField.ID);
        assertThatThrownBy(() -> ExportField.parse("id,nope")).hasMessageContaining("nope");
        assertThat(Format.parse("NDJSON")).isEqualTo(Format.JSONL);
        assertThat(Format.JSONL.extension(true)).isEqualTo("jsonl.gz");
        assertThat(Format.PARQUET.extension(true)).isEqualTo("parquet");
        assertThatThrownBy(() -> Format.parse("xls")).hasMessageContaining("xls");
    }
}
