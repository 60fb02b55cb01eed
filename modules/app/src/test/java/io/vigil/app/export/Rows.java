package io.vigil.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.json.Json;
import io.vigil.core.search.ArticleDocument;
import io.vigil.export.schema.ExportField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.example.data.Group;

/** A field's value in a comparable shape, as expected and as each reader reads it back. */
final class Rows {

    private Rows() {}

    static Object expected(ExportField f, ArticleDocument d) {
        Object v = f.value(d);
        if (v instanceof Map<?, ?> map) {
            Map<String, Double> scores = new TreeMap<>();
            map.forEach((k, x) -> scores.put(k.toString(), ((Number) x).doubleValue()));
            return scores;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return v;
    }

    static Object fromJson(ExportField f, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return switch (f.type()) {
            case STRING -> v.textValue();
            case BOOLEAN -> v.booleanValue();
            case TIMESTAMP -> Instant.parse(v.textValue());
            case STRING_LIST -> {
                List<String> list = new ArrayList<>();
                v.forEach(x -> list.add(x.textValue()));
                yield list;
            }
            case SCORES -> {
                Map<String, Double> scores = new TreeMap<>();
                v.fields()
                        .forEachRemaining(e -> scores.put(e.getKey(), e.getValue().doubleValue()));
                yield scores;
            }
        };
    }

    static Object fromCsv(ExportField f, String v) {
        if (v.isEmpty()) {
            return null;
        }
        return switch (f.type()) {
            case STRING -> v;
            case BOOLEAN -> Boolean.parseBoolean(v);
            case TIMESTAMP -> Instant.parse(v);
            case STRING_LIST, SCORES -> {
                try {
                    yield fromJson(f, Json.mapper().readTree(v));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    static Object fromParquet(ExportField f, Group row) {
        String c = f.column();
        if (row.getFieldRepetitionCount(c) == 0) {
            return null;
        }
        return switch (f.type()) {
            case STRING -> row.getString(c, 0);
            case BOOLEAN -> row.getBoolean(c, 0);
            case TIMESTAMP -> Instant.ofEpochMilli(row.getLong(c, 0));
            case STRING_LIST -> {
                Group g = row.getGroup(c, 0);
                List<String> list = new ArrayList<>();
                for (int i = 0; i < g.getFieldRepetitionCount("list"); i++) {
                    list.add(g.getGroup("list", i).getString("element", 0));
                }
                yield list;
            }
            case SCORES -> {
                Group g = row.getGroup(c, 0);
                Map<String, Double> scores = new TreeMap<>();
                for (int i = 0; i < g.getFieldRepetitionCount("key_value"); i++) {
                    Group kv = g.getGroup("key_value", i);
                    scores.put(kv.getString("key", 0), kv.getDouble("value", 0));
                }
                yield scores;
            }
        };
    }
}
