package io.vigil.core.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Which articles a search or an export is about: the filters of {@code GET /api/articles}, shared
 * by the search API and the export so that the same parameters select the same articles. {@link
 * ArticleFilters} turns it into an Elasticsearch query.
 *
 * @param q a Lucene query ({@code query_string} syntax) over title and text, or null for all
 * @param from only articles at or after this time, or null
 * @param to only articles before this time, or null
 * @param languages only these languages (ISO 639-1); empty for all
 * @param sources only these outlets (names or domains); empty for all
 * @param countries only articles mentioning one of these countries (ISO 3166-1 alpha-2)
 * @param topic only articles relevant to this topic, or null
 * @param theme only articles relevant to this theme, or null
 * @param story only the members of this story, or null
 * @param minRelevance only articles at least this relevant to {@code topic} (to any topic without
 *     one), or null
 */
public record ArticleFilter(
        String q,
        Instant from,
        Instant to,
        List<String> languages,
        List<String> sources,
        List<String> countries,
        String topic,
        String theme,
        String story,
        Double minRelevance) {

    /** What a topic, theme, story or article id may look like. */
    public static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}";

    public ArticleFilter {
        q = q == null || q.isBlank() ? null : q;
        languages = languages == null ? List.of() : List.copyOf(languages);
        sources = sources == null ? List.of() : List.copyOf(sources);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    /** Every article. */
    public static ArticleFilter all() {
        return new ArticleFilter(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The filter of request parameters as users write them: dates or ISO times ({@code to} a date
     * is inclusive), languages in any case (lower-cased), countries in any case (upper-cased).
     *
     * @throws InvalidQueryException naming the parameter at fault
     */
    public static ArticleFilter parse(
            String q,
            String from,
            String to,
            List<String> lang,
            List<String> source,
            List<String> country,
            String topic,
            String theme,
            String story,
            Double minRelevance) {
        if (minRelevance != null && !(minRelevance >= 0 && minRelevance <= 1)) {
            throw InvalidQueryException.of("minRelevance", "minRelevance must be between 0 and 1.");
        }
        return new ArticleFilter(
                q,
                from == null || from.isBlank() ? null : time(from, "from", false),
                to == null || to.isBlank() ? null : time(to, "to", true),
                lower(lang),
                source == null ? null : source.stream().map(String::trim).toList(),
                upper(country),
                name(topic, "topic"),
                name(theme, "theme"),
                name(story, "story"),
                minRelevance);
    }

    /** This filter with {@code to} set when it has none (to fix the window of an export). */
    public ArticleFilter until(Instant end) {
        return to != null
                ? this
                : new ArticleFilter(
                        q,
                        from,
                        end,
                        languages,
                        sources,
                        countries,
                        topic,
                        theme,
                        story,
                        minRelevance);
    }

    /** An ISO instant, or a date: its start, or the start of the next day when {@code end}. */
    public static Instant time(String value, String parameter, boolean end) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                LocalDate date = LocalDate.parse(value.trim());
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw InvalidQueryException.of(
                        parameter,
                        parameter
                                + " must be a date (2026-01-31) or a time (2026-01-31T12:00:00Z).");
            }
        }
    }

    /**
     * {@code value} when it is a valid name, null when blank.
     *
     * @throws InvalidQueryException otherwise
     */
    public static String name(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches(NAME)) {
            throw InvalidQueryException.of(parameter, "Not a valid " + parameter + ": " + value);
        }
        return value;
    }

    private static List<String> lower(List<String> values) {
        return values == null
                ? null
                : values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> upper(List<String> values) {
        return values == null
                ? null
                : values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).toList();
    }
}
