package io.vigil.export.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vigil.core.search.ArticleDocument;
import io.vigil.export.schema.ExportField;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON Lines: one object per article, the chosen fields in order, null when absent. */
final class JsonLinesRowWriter implements RowWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator json;
    private final List<ExportField> fields;

    JsonLinesRowWriter(OutputStream out, List<ExportField> fields) throws IOException {
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        this.json.setRootValueSeparator(null);
        this.fields = List.copyOf(fields);
    }

    @Override
    public void write(ArticleDocument document) throws IOException {
        json.writeStartObject();
        for (ExportField field : fields) {
            json.writeFieldName(field.column());
            value(json, field.value(document));
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Instant t) {
            json.writeString(t.toString());
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                json.writeString(String.valueOf(item));
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : new java.util.TreeMap<>(map).entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                json.writeNumber(((Number) e.getValue()).doubleValue());
            }
            json.writeEndObject();
        } else {
            json.writeString(value.toString());
        }
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
