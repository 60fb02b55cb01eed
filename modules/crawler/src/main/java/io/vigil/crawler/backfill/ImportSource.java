package io.vigil.crawler.backfill;

import io.vigil.crawler.page.ArticleExtractor;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * One input file read record by record: JSON Lines ({@code .jsonl}, {@code .jsonl.gz}) or WARC
 * ({@code .warc}, {@code .warc.gz}). Records are numbered from 1 in file order; resuming skips the
 * records already done.
 */
final class ImportSource implements Closeable {

    private final BufferedReader lines;
    private final WarcReader warc;
    private final JsonlArticles jsonl;
    private final WarcArticles warcArticles;
    private final Clock clock;
    private long position;

    private ImportSource(Path file, ArticleExtractor extractor, boolean backfill, Clock clock)
            throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String source = "import:" + file.getFileName();
        this.clock = clock;
        if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
            this.warc = new WarcReader(file);
            this.warc.setLenient(true);
            this.lines = null;
        } else {
            InputStream in = Files.newInputStream(file);
            if (name.endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.warc = null;
        }
        this.jsonl = new JsonlArticles(extractor, backfill, source);
        this.warcArticles = new WarcArticles(extractor, backfill, source);
    }

    /** Whether the importer reads this kind of file. */
    static boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl")
                || name.endsWith(".jsonl.gz")
                || name.endsWith(".warc")
                || name.endsWith(".warc.gz");
    }

    static ImportSource open(Path file, ArticleExtractor extractor, boolean backfill, Clock clock)
            throws IOException {
        return new ImportSource(file, extractor, backfill, clock);
    }

    /** Records read so far (the position to resume after). */
    long position() {
        return position;
    }

    /** The next record's result ({@link Imported#NOTHING} for no article), or null at the end. */
    Imported next() throws IOException {
        if (lines != null) {
            String line = lines.readLine();
            if (line == null) {
                return null;
            }
            position++;
            return line.isBlank() ? Imported.NOTHING : jsonl.read(line, position, clock.instant());
        }
        Optional<WarcRecord> record = warc.next();
        if (record.isEmpty()) {
            return null;
        }
        position++;
        Imported imported = warcArticles.read(record.get());
        return imported == null ? Imported.NOTHING : imported;
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        }
        if (warc != null) {
            warc.close();
        }
    }
}
