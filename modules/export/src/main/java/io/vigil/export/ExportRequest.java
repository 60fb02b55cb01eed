package io.vigil.export;

import io.vigil.core.search.ArticleFilter;
import io.vigil.export.format.Format;
import io.vigil.export.schema.ExportField;
import java.util.List;
import java.util.Objects;

/**
 * What to export: the articles of a filter (the search API's), which columns, in which format.
 *
 * @param filter the articles; its {@code to} is fixed to the export's start when absent
 * @param fields the columns, in order (the text only when listed)
 * @param format the data format
 * @param gzip whether to gzip CSV and JSON Lines (Parquet: gzip pages instead of Snappy)
 */
public record ExportRequest(
        ArticleFilter filter, List<ExportField> fields, Format format, boolean gzip) {

    public ExportRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(format, "format");
        fields = fields == null || fields.isEmpty() ? ExportField.defaults() : List.copyOf(fields);
    }

    /** Whether the article text is exported. */
    public boolean includesText() {
        return fields.contains(ExportField.TEXT);
    }

    /** This request with another filter. */
    public ExportRequest with(ArticleFilter other) {
        return new ExportRequest(other, fields, format, gzip);
    }
}
