package io.vigil.crawler.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What a page says about itself in markup: JSON-LD first, then OpenGraph, Twitter and other meta
 * tags, then plain HTML ({@code <title>}, {@code <h1>}, rel=author, bylines).
 */
record PageMetadata(
        String title,
        List<String> authors,
        Instant published,
        Instant modified,
        String canonicalUrl,
        String declaredLanguage,
        String leadImage,
        String siteName,
        String description,
        String articleBody,
        Boolean accessibleForFree,
        String contentTier) {

    private static final Evaluator AUTHOR_MARKUP =
            QueryParser.parse("[rel=author], [itemprop=author]");
    private static final Evaluator ITEMPROP_NAME = QueryParser.parse("[itemprop=name]");
    private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");

    private static final Pattern BY_PREFIX =
            Pattern.compile(
                    "(?iu)^\\s*(by|from|von|par|por|di|door|av|af|autor|autora|author)\\b[:\\s]*");
    private static final Pattern AUTHOR_SPLIT =
            Pattern.compile(
                    "(?iu)\\s*(?:,|;|\\||&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|\\ben\\b|\\bi\\b|\\boch\\b)\\s*");

    static PageMetadata read(Document doc, String pageUrl) {
        JsonLd ld = JsonLd.read(doc);
        MetaTags meta = new MetaTags(doc);
        String title =
                firstNonBlank(ld.string("headline"), meta.first("og:title", "twitter:title"));
        if (title == null) {
            Element h1 = doc.selectFirst("h1");
            title = h1 != null && !h1.text().isBlank() ? h1.text() : cleanTitle(doc.title());
        }
        String site =
                firstNonBlank(
                        meta.first("og:site_name", "application-name"),
                        ld.publisher(),
                        ld.siteName);
        String declared = language(doc, meta);
        boolean monthFirst = declared != null && declared.startsWith("en-us");
        DateFinder.Dates dates = DateFinder.find(doc, ld, meta, pageUrl, monthFirst);
        Element canonical = doc.selectFirst(CANONICAL);
        String canonicalUrl = canonical != null ? canonical.absUrl("href") : null;
        if (canonicalUrl == null || canonicalUrl.isEmpty()) {
            canonicalUrl = meta.get("og:url");
        }
        String image =
                firstNonBlank(
                        meta.first(
                                "og:image",
                                "og:image:url",
                                "og:image:secure_url",
                                "twitter:image",
                                "twitter:image:src"),
                        ld.image());
        String description =
                firstNonBlank(
                        meta.first("og:description", "description", "twitter:description"),
                        ld.string("description"));
        return new PageMetadata(
                withoutSite(title, site),
                authors(doc, ld, meta, site),
                dates.published(),
                dates.modified(),
                canonicalUrl,
                declared,
                image,
                site,
                description,
                ld.string("articleBody"),
                ld.accessibleForFree(),
                meta.first("article:content_tier", "article:content-tier"));
    }

    private static String language(Document doc, MetaTags meta) {
        Element html = doc.childrenSize() > 0 ? doc.child(0) : null;
        String lang = html == null ? "" : html.attr("lang");
        if (lang.isBlank() && html != null) {
            lang = html.attr("xml:lang");
        }
        if (lang.isBlank()) {
            lang = meta.first("content-language", "language", "dc.language", "og:locale");
        }
        if (lang == null) {
            return null;
        }
        lang = lang.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        int comma = lang.indexOf(',');
        lang = comma > 0 ? lang.substring(0, comma).trim() : lang;
        return lang.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*") ? lang : null;
    }

    private static List<String> authors(Document doc, JsonLd ld, MetaTags meta, String site) {
        List<String> raw = new ArrayList<>(ld.names("author"));
        if (raw.isEmpty()) {
            for (String key :
                    new String[] {
                        "author",
                        "article:author",
                        "parsely-author",
                        "sailthru.author",
                        "dc.creator",
                        "byl",
                        "twitter:creator"
                    }) {
                String value = meta.get(key);
                if (value != null) {
                    raw.add(value);
                    break;
                }
            }
        }
        if (raw.isEmpty()) {
            for (Element el : doc.select(AUTHOR_MARKUP)) {
                Element name = el.selectFirst(ITEMPROP_NAME);
                raw.add(
                        name != null
                                ? name.text()
                                : el.hasAttr("content") ? el.attr("content") : el.text());
                if (raw.size() >= 5) {
                    break;
                }
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String value : raw) {
            String cleaned = BY_PREFIX.matcher(value.strip()).replaceFirst("");
            for (String name : AUTHOR_SPLIT.split(cleaned)) {
                String n = name.strip();
                if (n.length() < 3
                        || n.length() > 60
                        || n.startsWith("@")
                        || n.contains("://")
                        || n.contains("/")
                        || n.chars().anyMatch(Character::isDigit)
                        || n.equalsIgnoreCase(site)) {
                    continue;
                }
                names.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
            }
        }
        return List.copyOf(names.values());
    }

    /** Drops a " | Site" tail naming the site from a headline. */
    private static String withoutSite(String title, String site) {
        if (title == null) {
            return null;
        }
        String t = title.strip();
        if (site != null && t.length() > site.length() + 3) {
            String tail = t.substring(t.length() - site.length());
            String before = t.substring(0, t.length() - site.length()).stripTrailing();
            if (tail.equalsIgnoreCase(site)
                    && !before.isEmpty()
                    && "|-–—:".indexOf(before.charAt(before.length() - 1)) >= 0) {
                return before.substring(0, before.length() - 1).strip();
            }
        }
        return t;
    }

    /** Drops a " | Site" or " - Site" tail from a document title. */
    private static String cleanTitle(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.strip();
        for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: "}) {
            int at = t.lastIndexOf(sep);
            if (at > t.length() / 3) {
                return t.substring(0, at).strip();
            }
        }
        return t;
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
