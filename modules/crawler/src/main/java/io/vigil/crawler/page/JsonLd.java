package io.vigil.crawler.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org article a page describes in its JSON-LD blocks: the first node typed as an article
 * (NewsArticle, BlogPosting, ...), falling back to a WebPage node. Broken JSON is skipped.
 */
final class JsonLd {

    /** Lenient: pages put raw newlines in strings and leave trailing commas. */
    private static final JsonMapper LENIENT =
            JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                    .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                    .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .build();

    private static final Set<String> ARTICLE_TYPES =
            Set.of(
                    "article",
                    "newsarticle",
                    "reportagenewsarticle",
                    "analysisnewsarticle",
                    "opinionnewsarticle",
                    "reviewnewsarticle",
                    "backgroundnewsarticle",
                    "askpublicnewsarticle",
                    "satiricalarticle",
                    "scholarlyarticle",
                    "techarticle",
                    "blogposting",
                    "liveblogposting",
                    "socialmediaposting",
                    "report",
                    "review");

    private static final Set<String> PAGE_TYPES = Set.of("webpage", "itempage", "creativework");

    /** The article node, or null. */
    final JsonNode article;

    /** The site's name from a WebSite or Organization node, or null. */
    final String siteName;

    private JsonLd(JsonNode article, String siteName) {
        this.article = article;
        this.siteName = siteName;
    }

    static JsonLd read(Document doc) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.getElementsByTag("script")) {
            if (!script.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                continue;
            }
            String json = script.data().trim();
            if (json.isEmpty()) {
                continue;
            }
            try {
                flatten(LENIENT.readTree(json), nodes, 0);
            } catch (JsonProcessingException e) {
                // A broken block is the page's problem; the others may still be fine.
            }
        }
        JsonNode article = null;
        JsonNode page = null;
        String site = null;
        for (JsonNode node : nodes) {
            Set<String> types = types(node);
            if (article == null && types.stream().anyMatch(ARTICLE_TYPES::contains)) {
                article = node;
            } else if (page == null && types.stream().anyMatch(PAGE_TYPES::contains)) {
                page = node;
            } else if (site == null && types.contains("website")) {
                site = text(node.get("name"));
            }
        }
        if (article == null && page != null && page.path("mainEntity").isObject()) {
            JsonNode main = page.get("mainEntity");
            if (types(main).stream().anyMatch(ARTICLE_TYPES::contains)) {
                article = main;
            }
        }
        return new JsonLd(article == null ? page : article, site);
    }

    private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> flatten(child, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            flatten(node.get("@graph"), out, depth + 1);
        }
    }

    private static Set<String> types(JsonNode node) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = node.get("@type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        } else if (type != null) {
            types.add(type.asText().toLowerCase(Locale.ROOT));
        }
        return types;
    }

    /** A string field of the article node, or null. */
    String string(String field) {
        return article == null ? null : text(article.get(field));
    }

    /** Names from a field holding a string, an object with a name, or an array of either. */
    List<String> names(String field) {
        List<String> names = new ArrayList<>();
        if (article != null) {
            collectNames(article.get(field), names);
        }
        return names;
    }

    private static void collectNames(JsonNode node, List<String> names) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collectNames(child, names));
        } else if (node.isObject()) {
            String name = text(node.get("name"));
            if (name != null) {
                names.add(name);
            }
        } else if (node.isTextual()) {
            names.add(node.asText());
        }
    }

    /** The first URL of an image field (string, ImageObject, or array of either), or null. */
    String image() {
        return article == null ? null : url(article.get("image"));
    }

    private static String url(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                String url = url(child);
                if (url != null) {
                    return url;
                }
            }
            return null;
        }
        if (node.isObject()) {
            return text(node.has("url") ? node.get("url") : node.get("contentUrl"));
        }
        return text(node);
    }

    /** The publisher's name, or null. */
    String publisher() {
        if (article == null) {
            return null;
        }
        JsonNode publisher = article.get("publisher");
        if (publisher != null && publisher.isArray() && !publisher.isEmpty()) {
            publisher = publisher.get(0);
        }
        return publisher == null ? null : publisher.isObject() ? text(publisher.get("name")) : null;
    }

    /**
     * {@code isAccessibleForFree}: FALSE when the article or one of its parts says it is not free,
     * TRUE when it says it is, null when it does not say.
     */
    Boolean accessibleForFree() {
        if (article == null) {
            return null;
        }
        Boolean free = bool(article.get("isAccessibleForFree"));
        JsonNode parts = article.get("hasPart");
        if (parts != null) {
            for (JsonNode part : parts.isArray() ? parts : List.of(parts)) {
                if (Boolean.FALSE.equals(bool(part.get("isAccessibleForFree")))) {
                    return Boolean.FALSE;
                }
            }
        }
        return free;
    }

    private static Boolean bool(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String value = node.asText().trim().toLowerCase(Locale.ROOT);
        if (value.equals("false") || value.equals("no")) {
            return Boolean.FALSE;
        }
        return value.equals("true") || value.equals("yes") ? Boolean.TRUE : null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isObject()) {
            return text(node.has("@value") ? node.get("@value") : node.get("@id"));
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
