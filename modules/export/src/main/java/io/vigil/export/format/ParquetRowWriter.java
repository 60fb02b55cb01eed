package io.vigil.export.format;

import io.vigil.core.search.ArticleDocument;
import io.vigil.export.schema.ExportField;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Apache Parquet, written sequentially to any stream (a file or an HTTP response) without a Hadoop
 * file system: {@link ArticleWriteSupport} maps the fields to a schema, row groups of {@link
 * #ROW_GROUP_BYTES} bound the memory held.
 */
final class ParquetRowWriter implements RowWriter {

    /** Bytes of a row group: what the writer buffers before writing it out. */
    static final long ROW_GROUP_BYTES = 16L * 1024 * 1024;

    private final ParquetWriter<ArticleDocument> writer;

    ParquetRowWriter(OutputStream out, List<ExportField> fields, boolean gzip) throws IOException {
        this.writer =
                new Builder(new StreamOutputFile(out), fields)
                        .withConf(new PlainParquetConfiguration())
                        .withCodecFactory(new PageCompression())
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .withCompressionCodec(
                                gzip ? CompressionCodecName.GZIP : CompressionCodecName.SNAPPY)
                        .withRowGroupSize(ROW_GROUP_BYTES)
                        .withPageSize(1024 * 1024)
                        .withDictionaryEncoding(true)
                        .build();
    }

    @Override
    public void write(ArticleDocument document) throws IOException {
        writer.write(document);
    }

    @Override
    public void flush() {
        // a Parquet file is complete only with its footer: nothing to resume from before
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<ArticleDocument, Builder> {
        private final List<ExportField> fields;

        Builder(OutputFile file, List<ExportField> fields) {
            super(file);
            this.fields = fields;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected ArticleWriteSupport getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new ArticleWriteSupport(fields);
        }

        @Override
        protected ArticleWriteSupport getWriteSupport(
                org.apache.parquet.conf.ParquetConfiguration conf) {
            return new ArticleWriteSupport(fields);
        }
    }

    /** A Parquet output file over a stream written front to back. */
    private static final class StreamOutputFile implements OutputFile {
        private final OutputStream out;

        StreamOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
