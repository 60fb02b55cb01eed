package io.vigil.crawler.feed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) with the project's one mapper. */
final class JsonFeedReader {

    private JsonFeedReader() {}

    static ParsedFeed read(String text, URI base) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JacksonException e) {
            return ParsedFeed.failed(
                    FeedFormat.JSON_FEED,
                    ParseOutcome.MALFORMED,
                    "invalid JSON: " + e.getOriginalMessage(),
                    StandardCharsets.UTF_8);
        }
        if (root == null
                || !root.isObject()
                || !root.path("version").asText("").contains("jsonfeed.org")) {
            return ParsedFeed.failed(
                    FeedFormat.UNKNOWN,
                    ParseOutcome.NOT_A_FEED,
                    "JSON without a jsonfeed.org version",
                    StandardCharsets.UTF_8);
        }
        String language = str(root, "language");
        List<ParsedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (!item.isObject()) {
                continue;
            }
            String html = str(item, "content_html");
            String contentText =
                    html != null
                            ? PlainText.fromHtml(html)
                            : PlainText.fromText(str(item, "content_text"));
            String summary = PlainText.fromHtml(str(item, "summary"));
            List<String> tags = new ArrayList<>();
            for (JsonNode t : item.path("tags")) {
                String v = PlainText.fromText(t.asText(null));
                if (v != null) {
                    tags.add(v);
                }
            }
            URI link = Links.resolve(base, str(item, "url"));
            if (link == null) {
                link = Links.resolve(base, str(item, "external_url"));
            }
            entries.add(
                    new ParsedEntry(
                            str(item, "id"),
                            link,
                            PlainText.fromHtml(str(item, "title")),
                            summary != null ? summary : contentText,
                            contentText,
                            authors(item.has("authors") || item.has("author") ? item : root),
                            tags,
                            FeedDates.parse(str(item, "date_published")),
                            FeedDates.parse(str(item, "date_modified")),
                            str(item, "language") != null ? str(item, "language") : language,
                            null,
                            null));
        }
        return new ParsedFeed(
                FeedFormat.JSON_FEED,
                ParseOutcome.OK,
                null,
                PlainText.fromHtml(str(root, "title")),
                Links.resolve(base, str(root, "home_page_url")),
                PlainText.fromHtml(str(root, "description")),
                language,
                null,
                null,
                StandardCharsets.UTF_8,
                entries);
    }

    private static List<String> authors(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : node.path("authors")) {
            String name = PlainText.fromText(str(a, "name"));
            if (name != null) {
                out.add(name);
            }
        }
        String single = PlainText.fromText(str(node.path("author"), "name"));
        if (out.isEmpty() && single != null) {
            out.add(single);
        }
        return out;
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s.strip();
    }
}
