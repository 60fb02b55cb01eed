package io.vigil.crawler.feed;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns feed text constructs into plain text: HTML is parsed (entities decoded, tags, scripts and
 * styles dropped, block elements become line breaks); runs of ASCII whitespace collapse to one
 * space; non-breaking spaces and other characters are kept as they are.
 */
final class PlainText {

    private static final Set<String> BLOCKS =
            Set.of(
                    "p",
                    "div",
                    "br",
                    "li",
                    "ul",
                    "ol",
                    "tr",
                    "table",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "blockquote",
                    "pre",
                    "section",
                    "article",
                    "header",
                    "footer",
                    "dd",
                    "dt",
                    "dl",
                    "hr",
                    "figure",
                    "figcaption");
    private static final Set<String> SKIPPED = Set.of("script", "style", "template");

    private PlainText() {}

    /** Plain text from HTML (or xhtml) markup; null when nothing is left. */
    static String fromHtml(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return fromText(html);
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text && !insideSkipped(text)) {
                            out.append(text.getWholeText().replace('\n', ' '));
                        } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            out.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            out.append('\n');
                        }
                    }
                },
                body);
        return fromText(out.toString());
    }

    /** Plain text as given, whitespace normalised; null when blank. */
    static String fromText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9f) {
                c = c1ToWindows1252(c);
            }
            if (c == '\n') {
                newline = true;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                space = true;
            } else {
                if (out.length() > 0 && newline) {
                    out.append('\n');
                } else if (out.length() > 0 && space) {
                    out.append(' ');
                }
                space = false;
                newline = false;
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * C1 control characters in feeds are almost always windows-1252 bytes mislabelled as Latin-1 or
     * numeric references like {@code &#146;}; browsers map them the same way (HTML5).
     */
    private static char c1ToWindows1252(char c) {
        String table =
                "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030"
                        + "\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D"
                        + "\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
        return table.charAt(c - 0x80);
    }

    private static boolean insideSkipped(Node node) {
        for (Node p = node.parentNode(); p != null; p = p.parentNode()) {
            if (p instanceof Element e && SKIPPED.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }
}
