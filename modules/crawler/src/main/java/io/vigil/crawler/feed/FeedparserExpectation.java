package io.vigil.crawler.feed;

import java.nio.charset.Charset;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a feedparser {@code Expect:} line (a Python expression over feedparser's result) into
 * a check on a {@link ParsedFeed}, for the clauses that speak of what Vigil keeps. Anything else
 * (bozo flags, details Vigil does not store, non-trivial Python) makes the whole expectation
 * untranslatable, and it is not counted. feedparser's text values are HTML or plain text depending
 * on the content type it detected; ours are plain text, so a text value matches when it equals the
 * expected value read as HTML or as text.
 */
final class FeedparserExpectation {

    /** Result of one expectation. */
    enum Verdict {
        PASSED,
        FAILED,
        UNTRANSLATABLE
    }

    /** The verdict, the field family it concerned, and a note for failures. */
    record Result(Verdict verdict, String family, String note) {}

    private static final Pattern CLAUSE =
            Pattern.compile(
                    "^(feed|entries\\[(\\d+)\\])((?:\\['[a-z_]+'\\]|\\.[a-z_]+|\\[\\d+\\])*)"
                            + "\\s*==\\s*(.+)$",
                    Pattern.DOTALL);
    private static final Pattern ACCESSOR =
            Pattern.compile("\\['([a-z_]+)'\\]|\\.([a-z_]+)|\\[(\\d+)\\]");
    private static final Pattern CHAINED =
            Pattern.compile(
                    "^(entries\\[\\d+\\]\\['[a-z_]+'\\])\\s*==\\s*"
                            + "(entries\\[\\d+\\]\\['[a-z_]+'\\])\\s*==\\s*(.+)$",
                    Pattern.DOTALL);
    private static final Pattern LEN = Pattern.compile("^len\\(entries\\)\\s*==\\s*(\\d+)$");
    private static final Pattern TOP =
            Pattern.compile("^(encoding|version)\\s*==\\s*(.+)$", Pattern.DOTALL);
    private static final Map<String, String> VERSIONS =
            Map.ofEntries(
                    Map.entry("rss090", "RSS_090"),
                    Map.entry("rss091n", "RSS_091"),
                    Map.entry("rss091u", "RSS_091"),
                    Map.entry("rss092", "RSS_092"),
                    Map.entry("rss093", "RSS_093"),
                    Map.entry("rss094", "RSS_094"),
                    Map.entry("rss10", "RSS_100"),
                    Map.entry("rss20", "RSS_200"),
                    Map.entry("atom03", "ATOM_03"),
                    Map.entry("atom10", "ATOM_10"),
                    Map.entry("json1", "JSON_FEED"),
                    Map.entry("json11", "JSON_FEED"));

    private FeedparserExpectation() {}

    /**
     * @param serverHost the {@code host:port} actually serving the files, put in place of
     *     feedparser's {@code 127.0.0.1:8097} in expected URLs
     */
    static Result evaluate(String expect, ParsedFeed feed, String serverHost) {
        List<String> clauses = splitAnd(expect.strip());
        if (clauses == null) {
            return new Result(Verdict.UNTRANSLATABLE, null, "unsupported expression");
        }
        String family = null;
        List<String> notes = new ArrayList<>();
        boolean translated = false;
        boolean ok = true;
        for (String clause : clauses) {
            String c = clause.strip();
            if (c.equals("not bozo") || c.equals("bozo")) {
                continue; // Vigil's parser is lenient by design; well-formedness is not compared
            }
            Check check = translate(c, feed, serverHost);
            if (check == null) {
                return new Result(Verdict.UNTRANSLATABLE, null, c);
            }
            translated = true;
            family = family == null ? check.family : family;
            if (!check.passed) {
                ok = false;
                notes.add(c + " -> got " + check.actual);
            }
        }
        if (!translated) {
            return new Result(Verdict.UNTRANSLATABLE, null, "only bozo clauses");
        }
        return new Result(ok ? Verdict.PASSED : Verdict.FAILED, family, String.join("; ", notes));
    }

    private record Check(String family, boolean passed, Object actual) {}

    private static Check translate(String c, ParsedFeed feed, String serverHost) {
        Matcher top = TOP.matcher(c);
        if (top.matches()) {
            String expected = PythonLiteral.string(top.group(2).strip());
            if (expected == null) {
                return null;
            }
            if (top.group(1).equals("encoding")) {
                Charset want;
                try {
                    want = Charset.forName(expected);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                return new Check("encoding", want.equals(feed.encoding()), feed.encoding());
            }
            String want = VERSIONS.get(expected);
            return want == null
                    ? null
                    : new Check("version", want.equals(feed.format().name()), feed.format());
        }
        Matcher len = LEN.matcher(c);
        if (len.matches()) {
            int n = Integer.parseInt(len.group(1));
            return new Check("entry-count", feed.entries().size() == n, feed.entries().size());
        }
        Matcher chained = CHAINED.matcher(c);
        if (chained.matches()) {
            // a == b == 'x': both must equal the literal
            Check first = translate(chained.group(1) + " == " + chained.group(3), feed, serverHost);
            Check second =
                    translate(chained.group(2) + " == " + chained.group(3), feed, serverHost);
            if (first == null || second == null) {
                return null;
            }
            return new Check(
                    first.family,
                    first.passed && second.passed,
                    first.actual + " / " + second.actual);
        }
        Matcher m = CLAUSE.matcher(c);
        if (!m.matches()) {
            return null;
        }
        List<String> path = new ArrayList<>();
        Matcher a = ACCESSOR.matcher(m.group(3));
        while (a.find()) {
            path.add(
                    a.group(1) != null
                            ? a.group(1)
                            : a.group(2) != null ? a.group(2) : "#" + a.group(3));
        }
        String key = String.join(".", path);
        String rhs = m.group(4).strip();
        if (m.group(2) == null) {
            return feedField(key, rhs, feed, serverHost);
        }
        int index = Integer.parseInt(m.group(2));
        ParsedEntry e = index < feed.entries().size() ? feed.entries().get(index) : null;
        return entryField(key, rhs, e, serverHost);
    }

    private static Check feedField(String key, String rhs, ParsedFeed f, String host) {
        return switch (key) {
            case "title", "title_detail.value" -> text("feed-title", rhs, f.title());
            case "subtitle",
                    "tagline",
                    "description",
                    "subtitle_detail.value",
                    "tagline_detail.value" ->
                    text("feed-description", rhs, f.description());
            case "link" ->
                    url("feed-link", rhs, f.link() == null ? null : f.link().toString(), host);
            case "language" -> exact("language", rhs, f.language());
            case "updated_parsed", "modified_parsed" -> date("feed-date", rhs, f.updated());
            case "rights", "copyright", "rights_detail.value", "copyright_detail.value" ->
                    text("rights", rhs, f.rights());
            default -> null;
        };
    }

    private static Check entryField(String key, String rhs, ParsedEntry e, String host) {
        return switch (key) {
            case "title", "title_detail.value" ->
                    text("entry-title", rhs, e == null ? null : e.title());
            case "summary", "description", "summary_detail.value" ->
                    text("summary", rhs, e == null ? null : e.summary());
            case "content.#0.value" -> text("content", rhs, e == null ? null : e.content());
            case "link" ->
                    url(
                            "entry-link",
                            rhs,
                            e == null || e.link() == null ? null : e.link().toString(),
                            host);
            case "id", "guid" -> exact("id", rhs, e == null ? null : e.id());
            case "author", "author_detail.name" ->
                    exact(
                            "author",
                            rhs,
                            e == null || e.authors().isEmpty() ? null : e.authors().get(0));
            case "tags.#0.term", "category" ->
                    exact(
                            "category",
                            rhs,
                            e == null || e.categories().isEmpty() ? null : e.categories().get(0));
            case "published_parsed", "issued_parsed" ->
                    date("entry-date", rhs, e == null ? null : e.published());
            case "updated_parsed", "modified_parsed" ->
                    date("entry-date", rhs, e == null ? null : e.updated());
            case "language", "content.#0.language" ->
                    exact("language", rhs, e == null ? null : e.language());
            case "source.title", "source.title_detail.value" ->
                    text("source", rhs, e == null ? null : e.source());
            case "rights", "copyright", "rights_detail.value" ->
                    text("rights", rhs, e == null ? null : e.rights());
            default -> null;
        };
    }

    private static Check text(String family, String rhs, String actual) {
        String expected = PythonLiteral.string(rhs);
        if (expected == null) {
            return null;
        }
        String got = actual == null ? "" : actual;
        String asHtml = PlainText.fromHtml(expected);
        String asText = PlainText.fromText(expected);
        boolean ok =
                got.equals(asHtml == null ? "" : asHtml)
                        || got.equals(asText == null ? "" : asText);
        return new Check(family, ok, actual);
    }

    private static Check exact(String family, String rhs, String actual) {
        String expected = PythonLiteral.string(rhs);
        if (expected == null) {
            return null;
        }
        return new Check(family, expected.equals(actual == null ? "" : actual), actual);
    }

    private static Check url(String family, String rhs, String actual, String host) {
        String expected = PythonLiteral.string(rhs);
        if (expected == null) {
            return null;
        }
        expected = expected.replace("127.0.0.1:8097", host);
        return new Check(family, expected.equals(actual == null ? "" : actual), actual);
    }

    private static Check date(String family, String rhs, java.time.Instant actual) {
        int[] t = PythonLiteral.intTuple(rhs);
        if (t == null || t.length < 6) {
            return null;
        }
        if (actual == null) {
            return new Check(family, false, null);
        }
        ZonedDateTime z = actual.atZone(ZoneOffset.UTC);
        boolean ok =
                z.getYear() == t[0]
                        && z.getMonthValue() == t[1]
                        && z.getDayOfMonth() == t[2]
                        && z.getHour() == t[3]
                        && z.getMinute() == t[4]
                        && z.getSecond() == t[5];
        return new Check(family, ok, actual);
    }

    /** Splits on top-level {@code and} (outside string literals); null if parentheses are used. */
    private static List<String> splitAnd(String expr) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char ch = expr.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == ']') {
                depth--;
            } else if (depth == 0 && expr.startsWith(" and ", i)) {
                out.add(expr.substring(start, i));
                start = i + 5;
                i += 4;
            } else if (depth == 0 && (expr.startsWith(" or ", i) || expr.startsWith(" in ", i))) {
                return null;
            }
        }
        out.add(expr.substring(start));
        return out.stream().anyMatch(s -> s.strip().startsWith("(")) ? null : out;
    }
}
