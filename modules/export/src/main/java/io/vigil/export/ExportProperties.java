package io.vigil.export;

import io.vigil.core.search.ArticleDocument;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of exports ({@code vigil.export.*}). Every field has a default in code.
 *
 * @param alias the article alias read (default {@code vigil-articles}; the app sets it to {@code
 *     vigil.indexer.alias})
 * @param pageSize articles per Elasticsearch page without the text (default 5000: the same
 *     Elasticsearch CPU as pages of 10000, the most it returns by default, with half the exporting
 *     JVM's live pages and fewer garbage-collection pauses in a 256 MiB heap)
 * @param textPageSize articles per page when the text is exported (default 500: texts are large)
 * @param slices point-in-time slices read in parallel, merged back into one order (default 2)
 * @param keepAlive how long the point in time stays open between two pages, and after an
 *     interruption (default 10 min; a resumed export reopens one if it has expired)
 * @param checkpointInterval how often a file export saves its resumable cursor (default 5 s)
 * @param streamMaxArticles the most articles {@code GET /api/exports} streams directly; more are
 *     exported by a background job (default 100,000)
 * @param directory where background jobs write their files (default {@code data/exports})
 * @param jobRetention how long a finished job's files are kept (default 7 days)
 * @param maxRunningJobs background exports running at once; more wait (default 1)
 */
@Validated
@ConfigurationProperties("vigil.export")
public record ExportProperties(
        String alias,
        Integer pageSize,
        Integer textPageSize,
        Integer slices,
        Duration keepAlive,
        Duration checkpointInterval,
        Long streamMaxArticles,
        Path directory,
        Duration jobRetention,
        Integer maxRunningJobs) {

    public ExportProperties {
        alias = alias == null || alias.isBlank() ? ArticleDocument.ALIAS : alias;
        pageSize = pageSize == null ? 5_000 : pageSize;
        textPageSize = textPageSize == null ? 500 : textPageSize;
        slices = slices == null ? 2 : slices;
        keepAlive = keepAlive == null ? Duration.ofMinutes(10) : keepAlive;
        checkpointInterval =
                checkpointInterval == null ? Duration.ofSeconds(5) : checkpointInterval;
        streamMaxArticles = streamMaxArticles == null ? 100_000L : streamMaxArticles;
        directory = directory == null ? Path.of("data", "exports") : directory;
        jobRetention = jobRetention == null ? Duration.ofDays(7) : jobRetention;
        maxRunningJobs = maxRunningJobs == null ? 1 : maxRunningJobs;
        if (pageSize < 1 || pageSize > 10_000 || textPageSize < 1 || textPageSize > 10_000) {
            throw new IllegalArgumentException("page sizes are between 1 and 10000");
        }
        if (slices < 1 || slices > 64) {
            throw new IllegalArgumentException("slices are between 1 and 64");
        }
    }

    /** All defaults. */
    public static ExportProperties defaults() {
        return new ExportProperties(null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings for another alias. */
    public ExportProperties withAlias(String other) {
        return new ExportProperties(
                other,
                pageSize,
                textPageSize,
                slices,
                keepAlive,
                checkpointInterval,
                streamMaxArticles,
                directory,
                jobRetention,
                maxRunningJobs);
    }

    /** These settings with jobs under another directory. */
    public ExportProperties withDirectory(Path other) {
        return new ExportProperties(
                alias,
                pageSize,
                textPageSize,
                slices,
                keepAlive,
                checkpointInterval,
                streamMaxArticles,
                other,
                jobRetention,
                maxRunningJobs);
    }
}
