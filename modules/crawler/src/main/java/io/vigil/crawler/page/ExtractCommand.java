package io.vigil.crawler.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.core.json.Json;
import io.vigil.crawler.CrawlerProperties;
import io.vigil.crawler.http.HttpFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * {@code vigil extract <file|dir|url>... [--url URL]}: prints each extracted article as one JSON
 * object per line. Directories are walked for {@code .html}, {@code .htm} and {@code .html.gz}
 * files; {@code --url} gives the page URL of a single file. A page that cannot be read or extracted
 * gives a line with an {@code error} field and the run goes on; the exit code is 1 when any page
 * failed.
 */
public final class ExtractCommand {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

    private final ArticleExtractor extractor = new ArticleExtractor();
    private final PageSource source;
    private final PrintStream out;
    private final ObjectMapper json = Json.mapper();
    private boolean failed;

    ExtractCommand(PageSource source, PrintStream out) {
        this.source = source;
        this.out = out;
    }

    /** Runs the command; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try (HttpFetcher fetcher = new HttpFetcher(CrawlerProperties.Http.defaults())) {
            return run(args, out, err, new FetcherPageSource(fetcher));
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err, PageSource source) {
        List<String> targets = new ArrayList<>();
        URI pageUrl = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--url") || arg.startsWith("--url=")) {
                String value =
                        arg.contains("=")
                                ? arg.substring(6)
                                : i + 1 < args.size() ? args.get(++i) : null;
                if (value == null) {
                    err.println("vigil extract: --url needs a value");
                    return 2;
                }
                try {
                    pageUrl = URI.create(value);
                } catch (IllegalArgumentException e) {
                    err.println("vigil extract: bad --url '" + value + "'");
                    return 2;
                }
            } else {
                targets.add(arg);
            }
        }
        if (targets.isEmpty()) {
            err.println("usage: vigil extract <file|dir|url>... [--url URL]");
            return 2;
        }
        if (pageUrl != null && (targets.size() > 1 || Files.isDirectory(Path.of(targets.get(0))))) {
            err.println("vigil extract: --url applies to a single file");
            return 2;
        }
        ExtractCommand command = new ExtractCommand(source, out);
        for (String target : targets) {
            command.extract(target, pageUrl);
        }
        return command.failed ? 1 : 0;
    }

    private void extract(String target, URI pageUrl) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            extractUrl(target);
            return;
        }
        Path path = Path.of(target);
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files =
                        walk.filter(Files::isRegularFile)
                                .filter(ExtractCommand::isHtml)
                                .sorted()
                                .toList();
            } catch (IOException e) {
                print(target, null, e.toString());
                return;
            }
            files.forEach(file -> extractFile(file, null));
        } else {
            extractFile(path, pageUrl);
        }
    }

    private static boolean isHtml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html")
                || name.endsWith(".htm")
                || name.endsWith(".html.gz")
                || name.endsWith(".htm.gz");
    }

    private void extractFile(Path file, URI pageUrl) {
        byte[] body;
        try {
            if (Files.size(file) > ArticleExtractor.MAX_CHARS * 2L) {
                print(
                        file.toString(),
                        ExtractedArticle.failed(ExtractedArticle.Outcome.TOO_LARGE, pageUrl),
                        null);
                return;
            }
            try (InputStream in = Files.newInputStream(file)) {
                body =
                        file.toString().endsWith(".gz")
                                ? new GZIPInputStream(in)
                                        .readNBytes(ArticleExtractor.MAX_CHARS * 2 + 1)
                                : in.readAllBytes();
            }
        } catch (IOException e) {
            print(file.toString(), null, "cannot read: " + e.getMessage());
            return;
        }
        URI url = pageUrl != null ? pageUrl : file.toAbsolutePath().toUri();
        print(file.toString(), extractor.extract(body, null, url), null);
    }

    private void extractUrl(String target) {
        try {
            PageSource.Fetched page = source.fetch(URI.create(target));
            if (page.status() >= 400) {
                print(target, null, "HTTP " + page.status());
                return;
            }
            print(
                    target,
                    extractor.extract(page.body(), charset(page.contentType()), page.finalUrl()),
                    null);
        } catch (IOException | IllegalArgumentException e) {
            print(target, null, "cannot fetch: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            print(target, null, "interrupted");
        }
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        try {
            return m.find() ? Charset.forName(m.group(1)) : null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private void print(String sourceName, ExtractedArticle article, String error) {
        ObjectNode line = json.createObjectNode();
        line.put("source", sourceName);
        if (article != null) {
            line.setAll((ObjectNode) json.valueToTree(article));
            if (article.outcome().failed()) {
                error = article.outcome().name().toLowerCase(Locale.ROOT);
            }
        }
        if (error != null) {
            line.put("error", error);
            failed = true;
        }
        try {
            out.println(json.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
