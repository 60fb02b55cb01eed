package io.vigil.export;

import io.vigil.core.json.Json;
import io.vigil.export.scan.Cursor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The sidecar of an unfinished file export ({@code <data>.cursor.json}): the request with its
 * window fixed, the scan's cursor (point in time and sort values of the last row written) and how
 * many rows and bytes of the data file that cursor covers. Saved atomically at checkpoints; removed
 * when the export completes.
 *
 * @param request the request, window fixed
 * @param startedAt when the export started
 * @param cursor where the scan stood
 * @param rows rows in the data file up to {@code bytes}
 * @param bytes the data file's length at the checkpoint
 * @param total articles matching in the snapshot
 */
record ResumeState(
        ExportRequest request,
        Instant startedAt,
        Cursor cursor,
        long rows,
        long bytes,
        long total) {

    /** The sidecar of {@code data}. */
    static Path of(Path data) {
        return data.resolveSibling(data.getFileName() + ".cursor.json");
    }

    static ResumeState read(Path sidecar) throws IOException {
        return Json.mapper().readValue(sidecar.toFile(), ResumeState.class);
    }

    void write(Path sidecar) throws IOException {
        Path tmp = sidecar.resolveSibling(sidecar.getFileName() + ".tmp");
        Json.mapper().writeValue(tmp.toFile(), this);
        Files.move(
                tmp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
