package io.vigil.export.web;

import java.time.Instant;

/**
 * A background export as {@code GET /api/exports/jobs/{id}} shows it.
 *
 * @param id the job id
 * @param state where it stands
 * @param exported articles written so far
 * @param total articles to write (known once it runs)
 * @param progress exported / total, 0 to 1
 * @param createdAt when it was asked for
 * @param finishedAt when it completed or failed, or null
 * @param error why it failed, or null
 * @param download where the data file is, once done
 * @param manifest where the manifest is, once done
 */
public record ExportJob(
        String id,
        State state,
        long exported,
        long total,
        double progress,
        Instant createdAt,
        Instant finishedAt,
        String error,
        String download,
        String manifest) {

    /** The life of a job. */
    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }
}
