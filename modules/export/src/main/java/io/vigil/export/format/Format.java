package io.vigil.export.format;

import io.vigil.export.schema.ExportField;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** The formats of an export. */
public enum Format {
    /** RFC 4180 CSV, UTF-8, CRLF line ends, a header row; lists and scores as JSON. */
    CSV("csv", "text/csv; charset=utf-8", true),
    /** One JSON object per line, UTF-8. */
    JSONL("jsonl", "application/x-ndjson", true),
    /** Apache Parquet; compressed inside (Snappy, or gzip when asked). */
    PARQUET("parquet", "application/vnd.apache.parquet", false);

    private final String extension;
    private final String contentType;
    private final boolean resumable;

    Format(String extension, String contentType, boolean resumable) {
        this.extension = extension;
        this.contentType = contentType;
        this.resumable = resumable;
    }

    /** The file extension, with {@code .gz} for gzipped text formats. */
    public String extension(boolean gzip) {
        return gzip && this != PARQUET ? extension + ".gz" : extension;
    }

    /** The media type of the data (of the uncompressed bytes for gzipped text). */
    public String contentType() {
        return contentType;
    }

    /** Whether an interrupted export in this format can be continued where it stopped. */
    public boolean resumable() {
        return resumable;
    }

    /**
     * A writer of rows of {@code fields} to {@code out} (already gzipped by the caller for text
     * formats; Parquet compresses its pages itself, with gzip when {@code gzip}).
     */
    public RowWriter open(OutputStream out, List<ExportField> fields, boolean gzip)
            throws IOException {
        return switch (this) {
            case CSV -> new CsvRowWriter(out, fields);
            case JSONL -> new JsonLinesRowWriter(out, fields);
            case PARQUET -> new ParquetRowWriter(out, fields, gzip);
        };
    }

    /** The format of a name: csv, jsonl (or ndjson), parquet. */
    public static Format parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "csv" -> CSV;
            case "jsonl", "ndjson", "json" -> JSONL;
            case "parquet" -> PARQUET;
            default ->
                    throw new IllegalArgumentException(
                            "unknown format '" + name + "'; formats are csv, jsonl, parquet");
        };
    }
}
