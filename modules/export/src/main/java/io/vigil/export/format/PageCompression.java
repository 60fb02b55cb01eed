package io.vigil.export.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Compresses Parquet pages without Hadoop: Parquet's own codec factory goes through Hadoop's {@code
 * Configuration} and codec classes, which would bring the Hadoop client (tens of megabytes) into
 * the app. Snappy (snappy-java, raw blocks as the format specifies) and gzip (java.util.zip) write
 * the standard codecs every Parquet reader decodes. Write-only.
 */
final class PageCompression implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> new Compressor(codec, PageCompression::snappy);
            case GZIP -> new Compressor(codec, PageCompression::gzip);
            case UNCOMPRESSED -> new Compressor(codec, bytes -> bytes);
            default -> throw new IllegalArgumentException("no compressor for " + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("write-only");
    }

    @Override
    public void release() {}

    private static byte[] snappy(byte[] bytes) throws IOException {
        return Snappy.compress(bytes);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private interface Codec {
        byte[] apply(byte[] bytes) throws IOException;
    }

    private record Compressor(CompressionCodecName name, Codec codec)
            implements BytesInputCompressor {

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (name == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            return BytesInput.from(codec.apply(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return name;
        }

        @Override
        public void release() {}
    }
}
