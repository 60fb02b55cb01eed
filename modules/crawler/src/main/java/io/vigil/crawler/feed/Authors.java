package io.vigil.crawler.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Author names without e-mail addresses: RSS {@code <author>} is an address, often written {@code
 * me@example.com (Name)}, {@code Name (me@example.com)} or {@code Name <me@example.com>}. Vigil
 * keeps the name only (an address is personal data it has no use for).
 */
final class Authors {

    private static final Pattern EMAIL = Pattern.compile("[^\\s()<>\"]+@[^\\s()<>\"]+");
    private static final Pattern PAREN = Pattern.compile("\\(([^()]*)\\)");

    private Authors() {}

    static String name(String raw) {
        String s = PlainText.fromText(raw);
        if (s == null) {
            return null;
        }
        Matcher email = EMAIL.matcher(s);
        if (!email.find()) {
            return s;
        }
        Matcher paren = PAREN.matcher(s);
        if (paren.find() && !EMAIL.matcher(paren.group(1)).find() && !paren.group(1).isBlank()) {
            return paren.group(1).strip();
        }
        String rest = EMAIL.matcher(s).replaceAll(" ").replaceAll("[()<>\\[\\]]", " ");
        String cleaned = PlainText.fromText(rest.replace("mailto:", " "));
        return cleaned;
    }
}
