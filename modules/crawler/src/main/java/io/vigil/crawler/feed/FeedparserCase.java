package io.vigil.crawler.feed;

import io.vigil.crawler.http.LoopbackHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One feedparser test file: its bytes, the headers to serve it with and its expectation. */
record FeedparserCase(String relativePath, byte[] body, List<String[]> headers, String expect) {

    private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(.*?)\\s*(?:-->|\\r?\\n|$)");
    private static final Pattern HEADER = Pattern.compile("(?m)^Header:\\s+([^:\\r\\n]+):(.*)$");

    static FeedparserCase load(Path root, Path file) {
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = FeedParser.decode(body, FeedParser.chooseCharset(body, null, null));
        Matcher m = EXPECT.matcher(text);
        String expect = m.find() ? m.group(1) : null;
        List<String[]> headers = new ArrayList<>();
        Matcher h = HEADER.matcher(text);
        while (h.find()) {
            headers.add(new String[] {h.group(1).strip(), h.group(2).strip()});
        }
        String rel = root.relativize(file).toString().replace('\\', '/');
        return new FeedparserCase(rel, body, List.copyOf(headers), expect);
    }

    /** {@code ../shared/data/feedparser-tests}, looked for from the working directory upwards. */
    static Path findDefaultData() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/data/feedparser-tests");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolve("../shared/data/feedparser-tests").normalize();
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
            dir = dir.getParent();
        }
        return null;
    }

    /** Serves each case at its relative path with its headers; anything else is 404. */
    static LoopbackHttpServer.Handler handler(List<FeedparserCase> cases) {
        Map<String, FeedparserCase> byPath = new HashMap<>();
        for (FeedparserCase c : cases) {
            byPath.put("/" + c.relativePath(), c);
        }
        return request -> {
            FeedparserCase c = byPath.get(request.path());
            if (c == null) {
                return LoopbackHttpServer.Response.of(404, new byte[0]);
            }
            List<String[]> headers = new ArrayList<>();
            for (String[] header : c.headers()) {
                if (!header[1].isEmpty()) {
                    headers.add(header);
                }
            }
            byte[] body = c.body();
            return new LoopbackHttpServer.Response(
                    200, headers, body.length, out -> out.write(body));
        };
    }
}
