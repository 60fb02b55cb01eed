package io.vigil.export.format;

import io.vigil.core.search.ArticleDocument;
import io.vigil.export.schema.ExportField;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Articles as Parquet records: strings as {@code BINARY (STRING)}, times as {@code INT64
 * TIMESTAMP(MILLIS, UTC)}, lists as the standard three-level {@code LIST} of strings, relevance as
 * a {@code MAP} of string to double; every column optional.
 */
final class ArticleWriteSupport extends WriteSupport<ArticleDocument> {

    private final List<ExportField> fields;
    private final MessageType schema;
    private RecordConsumer consumer;

    ArticleWriteSupport(List<ExportField> fields) {
        this.fields = List.copyOf(fields);
        this.schema = schema(fields);
    }

    /** The Parquet schema of these columns (message {@code article}). */
    static MessageType schema(List<ExportField> fields) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (ExportField f : fields) {
            switch (f.type()) {
                case STRING ->
                        message.optional(PrimitiveTypeName.BINARY)
                                .as(LogicalTypeAnnotation.stringType())
                                .named(f.column());
                case BOOLEAN -> message.optional(PrimitiveTypeName.BOOLEAN).named(f.column());
                case TIMESTAMP ->
                        message.optional(PrimitiveTypeName.INT64)
                                .as(
                                        LogicalTypeAnnotation.timestampType(
                                                true, LogicalTypeAnnotation.TimeUnit.MILLIS))
                                .named(f.column());
                case STRING_LIST ->
                        message.optionalGroup()
                                .as(LogicalTypeAnnotation.listType())
                                .repeatedGroup()
                                .optional(PrimitiveTypeName.BINARY)
                                .as(LogicalTypeAnnotation.stringType())
                                .named("element")
                                .named("list")
                                .named(f.column());
                case SCORES ->
                        message.optionalGroup()
                                .as(LogicalTypeAnnotation.mapType())
                                .repeatedGroup()
                                .required(PrimitiveTypeName.BINARY)
                                .as(LogicalTypeAnnotation.stringType())
                                .named("key")
                                .required(PrimitiveTypeName.DOUBLE)
                                .named("value")
                                .named("key_value")
                                .named(f.column());
            }
        }
        return message.named("article");
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return new WriteContext(schema, metadata());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, metadata());
    }

    private static Map<String, String> metadata() {
        Map<String, String> m = new HashMap<>();
        m.put("vigil.schema.version", String.valueOf(ExportField.SCHEMA_VERSION));
        return m;
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(ArticleDocument document) {
        consumer.startMessage();
        for (int i = 0; i < fields.size(); i++) {
            ExportField f = fields.get(i);
            Object value = f.value(document);
            if (value == null) {
                continue;
            }
            consumer.startField(f.column(), i);
            switch (f.type()) {
                case STRING -> consumer.addBinary(Binary.fromString((String) value));
                case BOOLEAN -> consumer.addBoolean((Boolean) value);
                case TIMESTAMP -> consumer.addLong(((Instant) value).toEpochMilli());
                case STRING_LIST -> list((List<?>) value);
                case SCORES -> scores((Map<?, ?>) value);
            }
            consumer.endField(f.column(), i);
        }
        consumer.endMessage();
    }

    private void list(List<?> values) {
        consumer.startGroup();
        if (!values.isEmpty()) {
            consumer.startField("list", 0);
            for (Object v : values) {
                consumer.startGroup();
                consumer.startField("element", 0);
                consumer.addBinary(Binary.fromString(String.valueOf(v)));
                consumer.endField("element", 0);
                consumer.endGroup();
            }
            consumer.endField("list", 0);
        }
        consumer.endGroup();
    }

    private void scores(Map<?, ?> values) {
        consumer.startGroup();
        if (!values.isEmpty()) {
            consumer.startField("key_value", 0);
            for (Map.Entry<?, ?> e : new TreeMap<>(values).entrySet()) {
                consumer.startGroup();
                consumer.startField("key", 0);
                consumer.addBinary(Binary.fromString(String.valueOf(e.getKey())));
                consumer.endField("key", 0);
                consumer.startField("value", 1);
                consumer.addDouble(((Number) e.getValue()).doubleValue());
                consumer.endField("value", 1);
                consumer.endGroup();
            }
            consumer.endField("key_value", 0);
        }
        consumer.endGroup();
    }
}
