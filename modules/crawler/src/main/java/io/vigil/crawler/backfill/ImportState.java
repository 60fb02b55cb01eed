package io.vigil.crawler.backfill;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigil.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an import got to, per input file, so that an interrupted import resumes where it stopped: a
 * JSON file written atomically after each checkpoint. A file that changed since (size or time)
 * starts over.
 */
final class ImportState {

    /**
     * @param size the file's size when the import read it
     * @param modified its modification time (epoch milliseconds)
     * @param done records read and acknowledged by Kafka
     * @param finished whether the whole file was imported
     */
    record FileProgress(long size, long modified, long done, boolean finished) {}

    private final Path file;
    private final Map<String, FileProgress> files;

    private ImportState(Path file, Map<String, FileProgress> files) {
        this.file = file;
        this.files = files;
    }

    static ImportState load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new ImportState(file, new TreeMap<>());
        }
        try {
            Map<String, FileProgress> files =
                    Json.mapper()
                            .readValue(
                                    file.toFile(),
                                    new TypeReference<TreeMap<String, FileProgress>>() {});
            return new ImportState(file, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the import state " + file, e);
        }
    }

    /** Records of {@code input} already imported (0 when it changed or is new). */
    long done(Path input) throws IOException {
        FileProgress p = files.get(input.toAbsolutePath().toString());
        if (p == null
                || p.size() != Files.size(input)
                || p.modified() != Files.getLastModifiedTime(input).toMillis()) {
            return 0;
        }
        return p.finished() ? Long.MAX_VALUE : p.done();
    }

    void record(Path input, long done, boolean finished) throws IOException {
        files.put(
                input.toAbsolutePath().toString(),
                new FileProgress(
                        Files.size(input),
                        Files.getLastModifiedTime(input).toMillis(),
                        done,
                        finished));
        save();
    }

    private void save() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "import-state", ".tmp");
        Json.mapper().writeValue(tmp.toFile(), files);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
