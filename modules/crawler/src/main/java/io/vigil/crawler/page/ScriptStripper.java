package io.vigil.crawler.page;

/**
 * Cuts {@code <script>} and {@code <style>} elements out of a page before it is parsed: they are
 * about half of a news page's characters and never article text, and the parser would tokenize and
 * copy them. JSON-LD scripts stay (they carry the metadata). The scan follows the HTML rule that
 * such an element ends at the first matching end tag.
 */
final class ScriptStripper {

    private static final String[] RAW_TEXT = {"script", "style"};

    private ScriptStripper() {}

    static String strip(String html) {
        StringBuilder out = null;
        int copied = 0;
        int i = html.indexOf('<');
        int n = html.length();
        int[] upperS = {-2};
        while (i >= 0 && i < n - 7) {
            String name = rawTextTag(html, i);
            if (name == null) {
                i = html.indexOf('<', i + 1);
                continue;
            }
            int openEnd = html.indexOf('>', i);
            if (openEnd < 0) {
                break;
            }
            if (name.equals("script") && isJsonLd(html, i, openEnd)) {
                i = html.indexOf('<', openEnd);
                continue;
            }
            int close = endTag(html, openEnd + 1, name, upperS);
            if (close < 0) {
                break;
            }
            int closeEnd = html.indexOf('>', close);
            closeEnd = closeEnd < 0 ? n : closeEnd + 1;
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(html, copied, i);
            copied = closeEnd;
            i = closeEnd < n ? html.indexOf('<', closeEnd) : -1;
        }
        if (out == null) {
            return html;
        }
        out.append(html, copied, n);
        return out.toString();
    }

    /** "script" or "style" when a start tag of that name begins at {@code at}, else null. */
    private static String rawTextTag(String html, int at) {
        char c = html.charAt(at + 1);
        if (c != 's' && c != 'S') {
            return null;
        }
        for (String name : RAW_TEXT) {
            int end = at + 1 + name.length();
            if (end < html.length()
                    && html.regionMatches(true, at + 1, name, 0, name.length())
                    && tagNameEnds(html.charAt(end))) {
                return name;
            }
        }
        return null;
    }

    private static int endTagExact(String html, int from, String tag) {
        for (int i = html.indexOf(tag, from); i >= 0; i = html.indexOf(tag, i + 1)) {
            int end = i + tag.length();
            if (end == html.length() || tagNameEnds(html.charAt(end))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean tagNameEnds(char c) {
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    private static boolean isJsonLd(String html, int from, int to) {
        for (int i = html.indexOf('+', from); i >= 0 && i < to; i = html.indexOf('+', i + 1)) {
            if (html.regionMatches(true, i - 2, "ld+json", 0, 7)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where {@code </name} starts at or after {@code from}, or -1. A plain search for the
     * lower-case end tag is much faster than a case-blind scan; the scan runs only when an
     * upper-case {@code </S} comes first or there is no lower-case end tag ({@code upperS}
     * remembers the next {@code </S}, so the page is searched for it once, front to back). A
     * mixed-case {@code </sCRIPT} before a lower-case end tag is not seen: browsers would end the
     * script there, we end it later, and lose a little of the page.
     */
    private static int endTag(String html, int from, String name, int[] upperS) {
        int lower = endTagExact(html, from, "</" + name);
        if (upperS[0] != -1 && upperS[0] < from) {
            upperS[0] = html.indexOf("</S", from);
        }
        if (lower >= 0 && (upperS[0] < 0 || lower < upperS[0])) {
            return lower;
        }
        for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
            int end = i + 2 + name.length();
            if (end <= html.length()
                    && html.regionMatches(true, i + 2, name, 0, name.length())
                    && (end == html.length() || tagNameEnds(html.charAt(end)))) {
                return i;
            }
        }
        return -1;
    }
}
