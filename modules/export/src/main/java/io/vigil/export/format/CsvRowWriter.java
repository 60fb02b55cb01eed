package io.vigil.export.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vigil.core.search.ArticleDocument;
import io.vigil.export.schema.ExportField;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 (Jackson CSV): a header row of column names, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break, quotes doubled. Lists and scores are JSON text;
 * absent values are empty fields.
 */
final class CsvRowWriter implements RowWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final CsvGenerator csv;
    private final List<ExportField> fields;

    CsvRowWriter(OutputStream out, List<ExportField> fields) throws IOException {
        this.fields = List.copyOf(fields);
        CsvSchema.Builder schema = CsvSchema.builder();
        for (ExportField f : fields) {
            schema.addColumn(f.column());
        }
        CsvMapper mapper = new CsvMapper();
        this.csv =
                (CsvGenerator)
                        mapper.getFactory()
                                .createGenerator(
                                        new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.csv.setSchema(
                schema.setUseHeader(true).setLineSeparator("\r\n").setNullValue("").build());
    }

    @Override
    public void write(ArticleDocument document) throws IOException {
        csv.writeStartArray();
        for (ExportField field : fields) {
            Object value = field.value(document);
            if (value == null) {
                csv.writeNull();
            } else if (value instanceof String s) {
                csv.writeString(s);
            } else if (value instanceof Boolean b) {
                csv.writeString(b ? "true" : "false");
            } else if (value instanceof Instant t) {
                csv.writeString(t.toString());
            } else {
                csv.writeString(json(value));
            }
        }
        csv.writeEndArray();
    }

    private static String json(Object value) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            JsonLinesRowWriter.value(json, value);
        }
        return text.toString();
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
