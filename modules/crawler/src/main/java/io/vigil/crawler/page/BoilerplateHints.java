package io.vigil.crawler.page;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Element;

/**
 * What an element's tag, class and id say about it: part of the page furniture (comments, share
 * bars, related links, promos, captions, bylines...), or likely article text. Class and id tokens
 * are split into parts at dashes, underscores and camel case, and parts are compared whole, so that
 * "commentary" is not "comment" and "header" is not "ad".
 */
final class BoilerplateHints {

    /** Tags removed before anything else: never article text. */
    static final Set<String> REMOVED_TAGS =
            Set.of(
                    "script",
                    "style",
                    "noscript",
                    "template",
                    "svg",
                    "canvas",
                    "iframe",
                    "object",
                    "nav",
                    "aside",
                    "footer",
                    "button",
                    "input",
                    "select",
                    "textarea",
                    "label",
                    "dialog",
                    "menu",
                    "map",
                    "audio",
                    "video",
                    "picture",
                    "source",
                    "link",
                    "meta",
                    "head");

    /** Block-level tags: they start a new text block. */
    static final Set<String> BLOCK_TAGS =
            Set.of(
                    "address",
                    "article",
                    "aside",
                    "blockquote",
                    "body",
                    "center",
                    "dd",
                    "details",
                    "div",
                    "dl",
                    "dt",
                    "fieldset",
                    "figcaption",
                    "figure",
                    "footer",
                    "form",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "header",
                    "hgroup",
                    "hr",
                    "li",
                    "main",
                    "nav",
                    "ol",
                    "p",
                    "pre",
                    "section",
                    "summary",
                    "table",
                    "tbody",
                    "thead",
                    "tfoot",
                    "tr",
                    "td",
                    "th",
                    "ul",
                    "caption",
                    "html");

    private BoilerplateHints() {}

    /** Whether the element is hidden by its attributes. */
    static boolean hidden(Element el) {
        if (el.hasAttr("hidden")) {
            return true;
        }
        String style = el.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    /**
     * What class, id or role say: NONE, WEAK or STRONG furniture. A token that reads as content
     * (e.g. "entry-content") outweighs a furniture token on the same element.
     */
    static int negative(Element el) {
        String tag = el.normalName();
        if (tag.equals("body") || tag.equals("html") || tag.equals("main")) {
            return NONE;
        }
        String cls = el.attr("class");
        String id = el.attr("id");
        if (cls.isEmpty() && id.isEmpty()) {
            String role = el.attr("role");
            return role.equals("complementary")
                            || role.equals("navigation")
                            || role.equals("contentinfo")
                    ? STRONG
                    : NONE;
        }
        int a = cached(cls);
        if (a == POSITIVE) {
            return NONE;
        }
        int b = cached(id);
        return b == POSITIVE ? NONE : Math.max(a, b);
    }

    /** Verdicts by class or id string: pages repeat the same names many times. */
    private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();

    private static final int CACHE_LIMIT = 50_000;

    private static int cached(String names) {
        if (names.isEmpty()) {
            return NONE;
        }
        Integer verdict = CACHE.get(names);
        if (verdict == null) {
            verdict = tokens(names);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(names, verdict);
        }
        return verdict;
    }

    /** The verdict over whitespace-separated tokens: POSITIVE wins, else the strongest. */
    private static int tokens(String names) {
        int verdict = NONE;
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            boolean space = i == names.length() || Character.isWhitespace(names.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                int kind = classify(names.substring(start, i));
                if (kind == POSITIVE) {
                    return POSITIVE;
                }
                verdict = Math.max(verdict, kind);
                start = -1;
            }
        }
        return verdict;
    }

    /**
     * Whether class or id name a comment section: the one kind of furniture that may hold more
     * prose than the article.
     */
    static boolean comments(Element el) {
        String names = (el.attr("class") + " " + el.attr("id")).toLowerCase(Locale.ROOT);
        return names.contains("comment") && !names.contains("commentary")
                || names.contains("disqus")
                || names.contains("replies");
    }

    /** Not furniture by its name. */
    static final int NONE = 0;

    /** Furniture unless it holds much text. */
    static final int WEAK = 1;

    /** Furniture. */
    static final int STRONG = 2;

    private static final int POSITIVE = -1;

    /** POSITIVE for a content-like token, STRONG or WEAK for furniture, else NONE. */
    private static int classify(String token) {
        if (token.isEmpty() || token.length() > 60) {
            return 0;
        }
        boolean positive = false;
        boolean weak = false;
        boolean strong = false;
        boolean layout = false;
        int start = 0;
        int n = token.length();
        for (int i = 1; i <= n; i++) {
            boolean cut =
                    i == n
                            || !Character.isLetterOrDigit(token.charAt(i))
                            || Character.isUpperCase(token.charAt(i))
                                    && Character.isLowerCase(token.charAt(i - 1));
            if (cut) {
                if (i > start) {
                    String part = token.substring(start, i).toLowerCase(Locale.ROOT);
                    layout |= ClassNameWords.LAYOUT_PARTS.contains(part);
                    strong |= ClassNameWords.STRONG_PARTS.contains(part);
                    if (ClassNameWords.WEAK_PARTS.contains(part)) {
                        weak = true;
                    }
                    positive |= ClassNameWords.POSITIVE_PARTS.contains(part);
                }
                start = i < n && !Character.isLetterOrDigit(token.charAt(i)) ? i + 1 : i;
            }
        }
        if (layout) {
            return NONE;
        }
        return strong ? STRONG : weak ? WEAK : positive ? POSITIVE : NONE;
    }
}
