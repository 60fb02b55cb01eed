package io.vigil.crawler.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleFetched;
import io.vigil.crawler.page.ArticleExtractor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class ImportSourceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    static final String PAGE =
            "<html><head><title>UN panel on detentions</title>"
                    + "<link rel=canonical href='https://news.example.org/un-panel'></head><body>"
                    + "<nav>Home | World</nav><article><h1>UN panel on detentions</h1>"
                    + "<p>A United Nations panel said on Monday that it had documented hundreds of"
                    + " cases of arbitrary detention over the past year, and it called for the"
                    + " release of those held without charge.</p>"
                    + "<p>The report is based on interviews with more than two hundred former"
                    + " detainees and their relatives, who describe overcrowded facilities.</p>"
                    + "</article><footer>© News</footer></body></html>";

    @TempDir Path dir;

    static List<Imported> readAll(Path file, boolean backfill) throws IOException {
        List<Imported> all = new ArrayList<>();
        try (ImportSource s =
                ImportSource.open(file, new ArticleExtractor(false), backfill, CLOCK)) {
            Imported i;
            while ((i = s.next()) != null) {
                all.add(i);
            }
        }
        return all;
    }

    @Test
    void jsonLinesWithTextHtmlDatesAndProblems() throws IOException {
        Path file = dir.resolve("old.jsonl.gz");
        String lines =
                String.join(
                        "\n",
                        "{\"url\":\"https://a.example/1?utm_source=x\",\"title\":\"One\","
                                + "\"text\":\"Body one.\",\"published\":\"2024-05-01T08:00:00Z\","
                                + "\"authors\":[\"A. Writer\"],\"outlet\":\"A News\"}",
                        "",
                        "{\"url\":\"https://b.example/2\",\"html\":"
                                + quote(PAGE)
                                + ",\"published\":\"2025-01-02\"}",
                        "{\"title\":\"no url\"}",
                        "not json at all",
                        "{\"url\":\"https://c.example/3\"}");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
        }
        List<Imported> all = readAll(file, true);
        assertThat(all).hasSize(6);
        ArticleFetched one = all.get(0).article();
        assertThat(one.canonicalUrl()).isEqualTo(URI.create("https://a.example/1"));
        assertThat(one.published()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(one.fetch().fetchedAt()).isEqualTo(one.published());
        assertThat(one.backfill()).isTrue();
        assertThat(one.feedId()).isEqualTo("import:old.jsonl.gz");
        assertThat(one.authors()).containsExactly("A. Writer");
        assertThat(all.get(1)).isSameAs(Imported.NOTHING);
        ArticleFetched two = all.get(2).article();
        assertThat(two.text()).contains("two hundred former detainees").doesNotContain("Home");
        assertThat(two.canonicalUrl()).isEqualTo(URI.create("https://news.example.org/un-panel"));
        assertThat(two.published()).isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));
        assertThat(all.get(3).problem()).isEqualTo("line 4: no url");
        assertThat(all.get(4).problem()).startsWith("line 5: not JSON");
        assertThat(all.get(5).problem()).isEqualTo("line 6: neither title nor text");
    }

    @Test
    void warcResponsesBecomeArticlesAtTheirCaptureDate() throws IOException {
        Path file = dir.resolve("crawl.warc.gz");
        Instant captured = Instant.parse("2024-02-03T04:05:06Z");
        try (FileChannel channel =
                        FileChannel.open(
                                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            writer.write(
                    response(
                            "https://news.example.org/un-panel?ref=home",
                            captured,
                            200,
                            "text/html; charset=utf-8",
                            PAGE));
            writer.write(
                    response(
                            "https://news.example.org/logo.png",
                            captured,
                            200,
                            "image/png",
                            "PNG"));
            writer.write(
                    response(
                            "https://news.example.org/gone",
                            captured,
                            404,
                            "text/html",
                            "<p>no</p>"));
        }
        List<Imported> all = readAll(file, false);
        assertThat(all).hasSize(3);
        ArticleFetched a = all.get(0).article();
        assertThat(a.fetch().fetchedAt()).isEqualTo(captured);
        assertThat(a.title()).isEqualTo("UN panel on detentions");
        assertThat(a.backfill()).isFalse();
        assertThat(all.subList(1, 3)).containsOnly(Imported.NOTHING);
    }

    @Test
    void stateResumesUnchangedFilesOnly() throws IOException {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{}\n{}\n", StandardCharsets.UTF_8);
        Path stateFile = dir.resolve("state/import.json");
        ImportState state = ImportState.load(stateFile);
        assertThat(state.done(input)).isZero();
        state.record(input, 1, false);
        assertThat(ImportState.load(stateFile).done(input)).isEqualTo(1);
        state.record(input, 2, true);
        assertThat(ImportState.load(stateFile).done(input)).isEqualTo(Long.MAX_VALUE);
        Files.writeString(input, "{}\n{}\n{}\n", StandardCharsets.UTF_8);
        assertThat(ImportState.load(stateFile).done(input)).isZero();
    }

    private static WarcResponse response(
            String url, Instant date, int status, String type, String body) {
        byte[] http =
                ("HTTP/1.1 "
                                + status
                                + " X\r\nContent-Type: "
                                + type
                                + "\r\nContent-Length: "
                                + body.getBytes(StandardCharsets.UTF_8).length
                                + "\r\n\r\n"
                                + body)
                        .getBytes(StandardCharsets.UTF_8);
        return new WarcResponse.Builder(URI.create(url))
                .date(date)
                .body(MediaType.HTTP_RESPONSE, http)
                .build();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
