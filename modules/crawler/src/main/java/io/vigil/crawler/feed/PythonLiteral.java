package io.vigil.crawler.feed;

import java.util.ArrayList;
import java.util.List;

/** The few Python literal forms feedparser's test expectations use. */
final class PythonLiteral {

    private PythonLiteral() {}

    /**
     * A string literal ({@code 'x'}, {@code u"x"}, {@code r'x'}, {@code """x"""}), or several
     * joined with {@code +}; null for anything else.
     */
    static String string(String text) {
        StringBuilder out = new StringBuilder();
        String rest = text.strip();
        while (true) {
            int end = literalEnd(rest);
            if (end < 0) {
                return null;
            }
            String one = single(rest.substring(0, end));
            if (one == null) {
                return null;
            }
            out.append(one);
            rest = rest.substring(end).strip();
            if (rest.isEmpty()) {
                return out.toString();
            }
            if (!rest.startsWith("+")) {
                return null;
            }
            rest = rest.substring(1).strip();
        }
    }

    /** Index just past the first literal in {@code t}, or -1. */
    private static int literalEnd(String t) {
        int i = 0;
        while (i < t.length() && "uUrRbB".indexOf(t.charAt(i)) >= 0) {
            i++;
        }
        if (i >= t.length()) {
            return -1;
        }
        char q = t.charAt(i);
        if (q != '\'' && q != '"') {
            return -1;
        }
        String triple = String.valueOf(q).repeat(3);
        if (t.startsWith(triple, i)) {
            int close = t.indexOf(triple, i + 3);
            return close < 0 ? -1 : close + 3;
        }
        for (int j = i + 1; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == q) {
                return j + 1;
            }
        }
        return -1;
    }

    private static String single(String text) {
        String t = text.strip();
        boolean raw = false;
        while (!t.isEmpty() && "uUrRbB".indexOf(t.charAt(0)) >= 0) {
            raw |= t.charAt(0) == 'r' || t.charAt(0) == 'R';
            t = t.substring(1);
        }
        if (t.length() < 2) {
            return null;
        }
        char q = t.charAt(0);
        if ((q != '\'' && q != '"') || t.charAt(t.length() - 1) != q) {
            return null;
        }
        String triple = String.valueOf(q).repeat(3);
        if (t.length() >= 6 && t.startsWith(triple) && t.endsWith(triple)) {
            t = t.substring(2, t.length() - 2);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c == q) {
                return null; // more than one literal: not a plain string
            }
            if (c != '\\' || raw) {
                out.append(c);
                continue;
            }
            if (++i >= t.length() - 1) {
                return null;
            }
            char e = t.charAt(i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case '\\', '\'', '"' -> out.append(e);
                case 'x' -> {
                    out.append((char) Integer.parseInt(t.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(t.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(Integer.parseInt(t.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    /** A tuple of integers such as a {@code time.struct_time}, or null. */
    static int[] intTuple(String text) {
        String t = text.strip();
        if (!t.startsWith("(") || !t.endsWith(")")) {
            return null;
        }
        List<Integer> values = new ArrayList<>();
        for (String part : t.substring(1, t.length() - 1).split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                values.add(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
