package io.vigil.crawler.page;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page's {@code <meta>} tags by lower-cased name, property or itemprop; first one wins. */
final class MetaTags {

    private final Map<String, String> values = new HashMap<>();

    MetaTags(Document doc) {
        for (Element meta : doc.getElementsByTag("meta")) {
            String content = meta.attr("content").trim();
            if (content.isEmpty()) {
                continue;
            }
            for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String name = meta.attr(key).trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    values.putIfAbsent(name, content);
                }
            }
        }
    }

    /** The content of the first meta tag with this (lower-case) key, or null. */
    String get(String key) {
        return values.get(key);
    }

    /** The first present key's value, or null. */
    String first(String... keys) {
        for (String key : keys) {
            String value = values.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
