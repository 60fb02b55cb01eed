package io.vigil.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.json.Json;
import io.vigil.core.search.ArticleDocument;
import io.vigil.core.search.ArticleFilter;
import io.vigil.core.search.ArticleFilters;
import io.vigil.export.ExportProperties;
import io.vigil.export.ExportRequest;
import io.vigil.export.Exporter;
import io.vigil.export.FileExport;
import io.vigil.export.format.Format;
import io.vigil.export.manifest.Manifest;
import io.vigil.export.schema.ExportField;
import io.vigil.testkit.TestNamespace;
import io.vigil.testkit.VigilStack;
import io.vigil.testkit.VigilStackExtension;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports a 50,000-article corpus in each format, every field including the text, and reads it back
 * with independent readers (Jackson for JSON Lines, Commons CSV, the Apache Parquet reader): every
 * row once, in order, every field intact; the manifest's SHA-256 and count match; an interrupted
 * export resumes to the same file.
 */
@ExtendWith(VigilStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIT {

    static final int ARTICLES = 50_000;

    private Map<String, ArticleDocument> corpus;
    private Exporter exporter;
    @TempDir Path dir;

    @BeforeAll
    void load(VigilStack stack, TestNamespace ns) throws Exception {
        String alias = ns.index("articles");
        corpus = ExportCorpus.load(stack.elasticsearch(), alias, ARTICLES);
        exporter =
                new Exporter(
                        stack.elasticsearch(),
                        new ExportProperties(
                                alias, 5000, 2000, 3, null, Duration.ZERO, null, null, null, null),
                        ArticleFilters.defaults());
    }

    private Manifest export(Format format, boolean gzip, Path file) throws Exception {
        return new FileExport(exporter, Clock.systemUTC())
                .run(
                        new ExportRequest(
                                ArticleFilter.all(), List.of(ExportField.values()), format, gzip),
                        file,
                        (n, total) -> {});
    }

    @Test
    void jsonLinesReadBackByJackson() throws Exception {
        Path file = dir.resolve("a.jsonl.gz");
        Manifest manifest = export(Format.JSONL, true, file);
        List<String> ids = new ArrayList<>();
        try (BufferedReader lines = reader(file, true)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode row = Json.mapper().readTree(line);
                ArticleDocument expected = corpus.get(row.path("id").asText());
                assertThat(expected).as(row.path("id").asText()).isNotNull();
                for (ExportField f : ExportField.values()) {
                    assertThat(Rows.fromJson(f, row.get(f.column())))
                            .as(f.column() + " of " + expected.id())
                            .isEqualTo(Rows.expected(f, expected));
                }
                ids.add(expected.id());
            }
        }
        assertAllInOrder(ids);
        assertManifest(manifest, file);
    }

    @Test
    void csvReadBackByCommonsCsv() throws Exception {
        Path file = dir.resolve("a.csv");
        Manifest manifest = export(Format.CSV, false, file);
        List<String> ids = new ArrayList<>();
        CSVFormat rfc4180 = CSVFormat.RFC4180.builder().setHeader().get();
        try (BufferedReader in = reader(file, false);
                CSVParser csv = CSVParser.parse(in, rfc4180)) {
            assertThat(csv.getHeaderNames())
                    .containsExactly(
                            java.util.Arrays.stream(ExportField.values())
                                    .map(ExportField::column)
                                    .toArray(String[]::new));
            for (CSVRecord row : csv) {
                ArticleDocument expected = corpus.get(row.get("id"));
                assertThat(expected).as(row.get("id")).isNotNull();
                for (ExportField f : ExportField.values()) {
                    assertThat(Rows.fromCsv(f, row.get(f.column())))
                            .as(f.column() + " of " + expected.id())
                            .isEqualTo(Rows.expected(f, expected));
                }
                ids.add(expected.id());
            }
        }
        assertAllInOrder(ids);
        assertManifest(manifest, file);
    }

    @Test
    void parquetReadBackByTheApacheParquetReader() throws Exception {
        Path file = dir.resolve("a.parquet");
        Manifest manifest = export(Format.PARQUET, false, file);
        List<String> ids = new ArrayList<>();
        try (ParquetReader<Group> reader =
                ParquetReader.builder(
                                new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
                        .build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                String id = row.getString("id", 0);
                ArticleDocument expected = corpus.get(id);
                assertThat(expected).as(id).isNotNull();
                for (ExportField f : ExportField.values()) {
                    assertThat(Rows.fromParquet(f, row))
                            .as(f.column() + " of " + id)
                            .isEqualTo(Rows.expected(f, expected));
                }
                ids.add(id);
            }
        }
        assertAllInOrder(ids);
        assertManifest(manifest, file);
    }

    @Test
    void anInterruptedExportResumesToTheSameRows() throws Exception {
        Path file = dir.resolve("r.jsonl.gz");
        ExportRequest request =
                new ExportRequest(ArticleFilter.all(), ExportField.defaults(), Format.JSONL, true);
        FileExport export = new FileExport(exporter, Clock.systemUTC());
        try {
            export.run(
                    request,
                    file,
                    (n, total) -> {
                        if (n >= 20_000) {
                            throw new IllegalStateException("interrupted");
                        }
                    });
        } catch (IllegalStateException expected) {
            // the cursor of the last page written is on disk
        }
        assertThat(FileExport.resumable(file)).isTrue();
        Manifest manifest = export.run(request, file, (n, total) -> {});
        assertThat(manifest.snapshot().resumed()).isTrue();
        List<String> ids = new ArrayList<>();
        try (BufferedReader lines = reader(file, true)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                ids.add(Json.mapper().readTree(line).path("id").asText());
            }
        }
        assertAllInOrder(ids);
        assertManifest(manifest, file);
        assertThat(FileExport.resumable(file)).isFalse();
    }

    @Test
    void filtersAreTheSearchApis() throws Exception {
        Path file = dir.resolve("zh.jsonl");
        ArticleFilter zh =
                ArticleFilter.parse(
                        "器官",
                        null,
                        "2025-06-30",
                        List.of("ZH"),
                        null,
                        List.of("cn"),
                        null,
                        null,
                        null,
                        null);
        Manifest manifest =
                new FileExport(exporter, Clock.systemUTC())
                        .run(
                                new ExportRequest(
                                        zh, ExportField.parse("id,date"), Format.JSONL, false),
                                file,
                                (n, total) -> {});
        long expected =
                corpus.values().stream()
                        .filter(d -> d.language().equals("zh"))
                        .filter(d -> d.countries().contains("CN"))
                        .filter(d -> d.date().isBefore(zh.to()))
                        .count();
        assertThat(expected).isPositive();
        assertThat(manifest.files().get(0).rows()).isEqualTo(expected);
        assertThat(manifest.snapshot().articleCount()).isEqualTo(expected);
        assertThat(manifest.query().elasticsearch().toString()).contains("query_string");
    }

    private void assertAllInOrder(List<String> ids) {
        assertThat(ids).hasSize(ARTICLES);
        Set<String> unique = new HashSet<>(ids);
        assertThat(unique).hasSize(ARTICLES);
        for (int i = 1; i < ids.size(); i++) {
            ArticleDocument a = corpus.get(ids.get(i - 1));
            ArticleDocument b = corpus.get(ids.get(i));
            int order = a.date().compareTo(b.date());
            assertThat(order < 0 || (order == 0 && a.id().compareTo(b.id()) < 0))
                    .as("order at row " + i)
                    .isTrue();
        }
    }

    private static void assertManifest(Manifest manifest, Path file) throws Exception {
        Manifest.DataFile data = manifest.files().get(0);
        assertThat(data.rows()).isEqualTo(ARTICLES);
        assertThat(data.bytes()).isEqualTo(Files.size(file));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertThat(data.sha256())
                .isEqualTo(HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
        assertThat(manifest.snapshot().articleCount()).isEqualTo(ARTICLES);
        assertThat(manifest.snapshot().pointInTime()).isNotBlank();
        assertThat(manifest.query().filter().to()).isNotNull();
        Manifest read =
                Json.mapper().readValue(FileExport.manifestOf(file).toFile(), Manifest.class);
        assertThat(read.files()).isEqualTo(manifest.files());
        assertThat(read.dataDictionary()).hasSize(manifest.dataDictionary().size());
    }

    private static BufferedReader reader(Path file, boolean gzip) throws Exception {
        InputStream in = Files.newInputStream(file);
        return new BufferedReader(
                new InputStreamReader(gzip ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
    }
}
