package io.vigil.indexer.ingest;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/**
 * What became of one document in a bulk request. The one place that decides what is retried, what
 * is ignored and what is a dead letter.
 */
enum ItemOutcome {
    /** Written. */
    INDEXED,
    /**
     * Not written because the index holds a newer fetch of the article (a version conflict under
     * external versioning): the stale fetch loses, which is the point, not an error.
     */
    STALE,
    /**
     * Elasticsearch will never take this document (a mapping or parsing error): a dead letter with
     * the reason.
     */
    REJECTED,
    /**
     * Elasticsearch could not take it now (429 too many requests, 5xx, a blocked or missing index,
     * an authorisation problem to be fixed by an operator): read again after a back-off.
     */
    RETRIABLE;

    static ItemOutcome of(BulkResponseItem item) {
        if (item.error() == null) {
            return INDEXED;
        }
        return of(item.status(), item.error().type());
    }

    static ItemOutcome of(int status, String errorType) {
        if (status == 409 && "version_conflict_engine_exception".equals(errorType)) {
            return STALE;
        }
        if (status == 401
                || status == 403
                || status == 404
                || status == 408
                || status == 429
                || status >= 500) {
            return RETRIABLE;
        }
        return status >= 400 ? REJECTED : INDEXED;
    }
}
