package io.vigil.export.format;

import io.vigil.core.search.ArticleDocument;
import java.io.Closeable;
import java.io.IOException;

/** Writes articles as rows of one format to a stream. Not thread-safe. */
public interface RowWriter extends Closeable {

    /** Writes one row. */
    void write(ArticleDocument document) throws IOException;

    /**
     * Pushes every row written so far to the underlying stream, so that its length is a point the
     * export may resume from. A no-op for formats that cannot resume (Parquet).
     */
    void flush() throws IOException;

    /** Finishes the format (footer, trailer) and closes the underlying stream. */
    @Override
    void close() throws IOException;
}
