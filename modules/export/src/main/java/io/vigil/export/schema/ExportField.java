package io.vigil.export.schema;

import io.vigil.core.search.ArticleDocument;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The columns of an export, in order: the data dictionary. Each has a name (snake_case, the same in
 * every format), a type, a description, the document fields it is read from and how to read it.
 * Changing a column's meaning or type means a new {@link #SCHEMA_VERSION}.
 */
public enum ExportField {
    ID("id", Type.STRING, "Article id: SHA-256-based hash of the canonical URL", "id", d -> d.id()),
    URL(
            "url",
            Type.STRING,
            "URL the page was fetched from (after redirects)",
            "finalUrl",
            d -> d.finalUrl()),
    CANONICAL_URL(
            "canonical_url", Type.STRING, "Canonical URL of the article", "url", d -> d.url()),
    TITLE("title", Type.STRING, "Headline", "title", d -> d.title()),
    TEXT(
            "text",
            Type.STRING,
            "Main text as extracted; only when asked for (see the copyright note)",
            "text",
            d -> d.text()),
    OUTLET(
            "outlet",
            Type.STRING,
            "Outlet name (site name, else the domain)",
            "outlet",
            d -> d.outlet()),
    DOMAIN(
            "domain",
            Type.STRING,
            "Host of the canonical URL without www., lower case",
            "domain",
            d -> d.domain()),
    OUTLET_COUNTRY(
            "outlet_country",
            Type.STRING,
            "Outlet's country, ISO 3166-1 alpha-2",
            "outletCountry",
            d -> d.outletCountry()),
    COUNTRIES(
            "countries",
            Type.STRING_LIST,
            "Countries mentioned, ISO 3166-1 alpha-2",
            "countries",
            d -> d.countries()),
    LANGUAGE(
            "language",
            Type.STRING,
            "Language, ISO 639-1 (und when undetermined)",
            "language",
            d -> d.language()),
    DATE(
            "date",
            Type.TIMESTAMP,
            "The article's time: published, else fetched; what filters and the order use",
            "date",
            d -> d.date()),
    PUBLISHED(
            "published",
            Type.TIMESTAMP,
            "Publication time, when the page states one",
            "published",
            d -> d.published()),
    FETCHED(
            "fetched",
            Type.TIMESTAMP,
            "When this version was fetched",
            "fetchedAt",
            d -> d.fetchedAt()),
    AUTHORS("authors", Type.STRING_LIST, "Author names", "authors", d -> d.authors()),
    TOPICS(
            "topics",
            Type.STRING_LIST,
            "Ids of the topics it is relevant to",
            "topics",
            d -> d.topics()),
    THEMES(
            "themes",
            Type.STRING_LIST,
            "Ids of the themes it is relevant to",
            "themes",
            d -> d.themes()),
    RELEVANCE(
            "relevance",
            Type.SCORES,
            "Relevance to every configured topic, 0 to 1, by topic id (dots as underscores)",
            "relevance",
            d -> d.relevance()),
    STORY_ID(
            "story_id",
            Type.STRING,
            "The story (group of near-duplicates) it belongs to",
            "storyId",
            d -> d.storyId()),
    DUPLICATE_OF(
            "duplicate_of",
            Type.STRING,
            "Id of the story member it duplicates; empty for a story's representative",
            "duplicateOf",
            d -> d.duplicateOf()),
    FEED_ID("feed_id", Type.STRING, "The feed that announced it", "feedId", d -> d.feedId()),
    PAYWALLED(
            "paywalled",
            Type.BOOLEAN,
            "Whether the text is incomplete (paywall or teaser)",
            "paywalled",
            d -> d.paywalled());

    /** Version of the columns' names, types and meanings. */
    public static final int SCHEMA_VERSION = 1;

    /** The value types. */
    public enum Type {
        /** UTF-8 text; empty in CSV, null elsewhere, when absent. */
        STRING,
        /** A list of strings: a JSON array in CSV, an array in JSON, a LIST in Parquet. */
        STRING_LIST,
        /** ISO 8601 UTC in CSV and JSON; TIMESTAMP(MILLIS, UTC) in Parquet. */
        TIMESTAMP,
        /** true/false. */
        BOOLEAN,
        /** Scores by key: a JSON object in CSV and JSON, a MAP(string, double) in Parquet. */
        SCORES
    }

    private final String column;
    private final Type type;
    private final String description;
    private final String source;
    private final Function<ArticleDocument, Object> reader;

    ExportField(
            String column,
            Type type,
            String description,
            String source,
            Function<ArticleDocument, Object> reader) {
        this.column = column;
        this.type = type;
        this.description = description;
        this.source = source;
        this.reader = reader;
    }

    /** The column name. */
    public String column() {
        return column;
    }

    public Type type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The document field it is read from. */
    public String source() {
        return source;
    }

    /** The value in {@code document}: a String, List of String, Instant, Boolean or Map. */
    public Object value(ArticleDocument document) {
        return reader.apply(document);
    }

    /** Every column but the text. */
    public static List<ExportField> defaults() {
        return Arrays.stream(values()).filter(f -> f != TEXT).toList();
    }

    /**
     * The columns named in a comma-separated list, in the list's order; {@code all} is every
     * column, text included; blank is {@link #defaults()}.
     *
     * @throws IllegalArgumentException naming an unknown column
     */
    public static List<ExportField> parse(String list) {
        if (list == null || list.isBlank()) {
            return defaults();
        }
        if (list.trim().equalsIgnoreCase("all")) {
            return List.of(values());
        }
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(ExportField::byColumn)
                .distinct()
                .toList();
    }

    /** The field of a column name. */
    public static ExportField byColumn(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ExportField f : values()) {
            if (f.column.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown field '"
                        + name
                        + "'; fields are "
                        + String.join(", ", Arrays.stream(values()).map(f -> f.column).toList()));
    }
}
