package io.vigil.api.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.api.ApiProperties;
import io.vigil.core.search.ArticleDocument;
import io.vigil.core.search.ArticleFilter;
import io.vigil.core.search.InvalidQueryException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/articles}: search; {@code GET /api/articles/{id}}: one article in full. */
@RestController
@RequestMapping(path = "/api/articles", produces = "application/json")
@Tag(name = "articles", description = "Search the indexed articles")
public class ArticleController {

    private final ArticleSearch search;
    private final ApiProperties settings;

    public ArticleController(ArticleSearch search, ApiProperties settings) {
        this.search = search;
        this.settings = settings;
    }

    @GetMapping
    @Operation(
            summary = "Search articles",
            description =
                    "q is Lucene query syntax (Elasticsearch query_string) over title (boosted)"
                            + " and text in every language: AND by default, OR, NOT, -term,"
                            + " \"phrases\", \"proximity\"~5, wildcards (not leading), fuzzy~,"
                            + " field:value (e.g. outlet:\"BBC News\", language:zh). A malformed"
                            + " query is answered 400 with its line, column and position.")
    @ApiResponse(responseCode = "200", description = "one page of matching articles")
    @ApiResponse(responseCode = "400", description = "malformed query or parameter (problem JSON)")
    public SearchResult search(
            @Parameter(description = "Lucene query; all articles when absent")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "from this date or time (ISO 8601), inclusive")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "until this date (inclusive) or time (exclusive)")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "languages (ISO 639-1), comma-separated")
                    @RequestParam(required = false)
                    List<String> lang,
            @Parameter(description = "outlet names or domains") @RequestParam(required = false)
                    List<String> source,
            @Parameter(description = "mentioned countries (ISO 3166-1 alpha-2)")
                    @RequestParam(required = false)
                    List<String> country,
            @Parameter(description = "a topic id: relevant articles only")
                    @RequestParam(required = false)
                    String topic,
            @Parameter(description = "a theme id: relevant articles only")
                    @RequestParam(required = false)
                    String theme,
            @Parameter(description = "a story id: its members only") @RequestParam(required = false)
                    String story,
            @Parameter(description = "minimum relevance (0 to 1) to topic, or to any topic")
                    @RequestParam(required = false)
                    Double minRelevance,
            @Parameter(description = "relevance (default with q), newest (default without), oldest")
                    @RequestParam(required = false)
                    String sort,
            @Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1")
                    int page,
            @Parameter(description = "results per page") @RequestParam(required = false)
                    Integer size)
            throws IOException {
        ArticleFilter filter =
                ArticleFilter.parse(
                        q, from, to, lang, source, country, topic, theme, story, minRelevance);
        return search.search(
                new ArticleQuery(
                        filter.q(),
                        filter.from(),
                        filter.to(),
                        filter.languages(),
                        filter.sources(),
                        filter.countries(),
                        filter.topic(),
                        filter.theme(),
                        filter.story(),
                        filter.minRelevance(),
                        sort(sort),
                        page,
                        size == null ? settings.defaultPageSize() : size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One article with its full text")
    @ApiResponse(responseCode = "404", description = "no such article")
    public ArticleDocument article(@PathVariable String id) throws IOException {
        ArticleDocument document = search.find(ArticleFilter.name(id, "id"));
        if (document == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No article " + id);
        }
        return document;
    }

    /** An ISO instant, or a date: its start, or the start of the next day when {@code end}. */
    public static Instant time(String value, String parameter, boolean end) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw InvalidQueryException.of(
                        parameter,
                        parameter
                                + " must be a date (2026-01-31) or a time (2026-01-31T12:00:00Z).");
            }
        }
    }

    private static ArticleQuery.Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ArticleQuery.Sort.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidQueryException.of("sort", "sort is relevance, newest or oldest.");
        }
    }
}
