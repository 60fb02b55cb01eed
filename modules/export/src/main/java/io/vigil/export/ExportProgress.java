package io.vigil.export;

/** Told after every page of an export. */
@FunctionalInterface
public interface ExportProgress {

    /** Ignores progress. */
    ExportProgress NONE = (exported, total) -> {};

    /**
     * @param exported articles written so far
     * @param total articles in the snapshot that match
     */
    void update(long exported, long total);
}
