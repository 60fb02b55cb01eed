package io.vigil.export.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.search.ArticleFilter;
import io.vigil.export.format.Format;
import io.vigil.export.schema.ExportField;
import java.time.Instant;
import java.util.List;

/**
 * What an export holds and how to get it again, written beside its data as JSON.
 *
 * @param manifestVersion version of this record's shape
 * @param vigilVersion the Vigil that wrote the export
 * @param exportedAt when the export started (the snapshot's time)
 * @param completedAt when the last row was written
 * @param query the articles: filters, order and the Elasticsearch query that ran
 * @param snapshot the index state read
 * @param format the data format
 * @param gzip whether the data is gzipped (Parquet: gzip pages)
 * @param schemaVersion version of the columns ({@link ExportField#SCHEMA_VERSION})
 * @param dataDictionary the columns, in order
 * @param includesText whether the articles' text is included
 * @param copyright the note on the rights in the texts
 * @param files the data files, with their SHA-256
 * @param reproduce how to get the same rows again
 */
public record Manifest(
        int manifestVersion,
        String vigilVersion,
        Instant exportedAt,
        Instant completedAt,
        Query query,
        Snapshot snapshot,
        Format format,
        boolean gzip,
        int schemaVersion,
        List<Column> dataDictionary,
        boolean includesText,
        String copyright,
        List<DataFile> files,
        String reproduce) {

    public static final int VERSION = 1;

    public static final String COPYRIGHT =
            "The articles' texts and headlines remain the property of their publishers and"
                    + " authors. This dataset is for research (text and data mining, quotation,"
                    + " criticism and review as the law where you work allows); do not republish"
                    + " the texts. Cite each article by its URL, outlet and date.";

    public static final String REPRODUCE =
            "Rows are in the order (date, id) and the window [filter.from, filter.to) is fixed:"
                    + " 'to' is the export's start when none was given. Running the same filter"
                    + " again (vigil export --manifest FILE, or the same parameters with this"
                    + " 'to') returns the same rows in the same order, except articles indexed,"
                    + " re-fetched or deleted since inside the window; compare the article count"
                    + " and the SHA-256 to tell.";

    public Manifest {
        dataDictionary = List.copyOf(dataDictionary);
        files = List.copyOf(files);
    }

    /**
     * @param filter the filters, as the search API takes them ({@code to} fixed)
     * @param order the order of the rows
     * @param elasticsearch the query that ran, as Elasticsearch JSON
     */
    public record Query(ArticleFilter filter, String order, JsonNode elasticsearch) {}

    /**
     * @param alias the alias read
     * @param pointInTime the point-in-time id the rows were read from (the last one, when a resumed
     *     export had to open a new one)
     * @param articleCount articles matching in the point in time
     * @param resumed whether the export was interrupted and resumed
     */
    public record Snapshot(String alias, String pointInTime, long articleCount, boolean resumed) {}

    /** A column of the data dictionary. */
    public record Column(String name, ExportField.Type type, String description) {

        public static List<Column> of(List<ExportField> fields) {
            return fields.stream()
                    .map(f -> new Column(f.column(), f.type(), f.description()))
                    .toList();
        }
    }

    /**
     * @param name file name, relative to the manifest
     * @param rows articles in it
     * @param bytes its size
     * @param sha256 SHA-256 of its bytes, hex
     */
    public record DataFile(String name, long rows, long bytes, String sha256) {}
}
