package io.vigil.export.scan;

import java.util.Objects;

/**
 * Where a scan stands: the point in time it reads and the sort values of the last article read
 * ({@code date} in epoch milliseconds, then {@code id}), or none before the first page.
 *
 * @param pointInTime the Elasticsearch point-in-time id
 * @param afterDate the last article's {@code date}, epoch milliseconds, or null at the start
 * @param afterId the last article's id, or null at the start
 */
public record Cursor(String pointInTime, Long afterDate, String afterId) {

    public Cursor {
        Objects.requireNonNull(pointInTime, "pointInTime");
        if ((afterDate == null) != (afterId == null)) {
            throw new IllegalArgumentException("afterDate and afterId go together");
        }
    }

    /** The start of a scan of {@code pointInTime}. */
    public static Cursor start(String pointInTime) {
        return new Cursor(pointInTime, null, null);
    }

    /** Whether the scan has not read anything yet. */
    public boolean atStart() {
        return afterId == null;
    }

    Cursor after(String newPointInTime, long date, String id) {
        return new Cursor(newPointInTime, date, id);
    }

    Cursor in(String newPointInTime) {
        return new Cursor(newPointInTime, afterDate, afterId);
    }
}
