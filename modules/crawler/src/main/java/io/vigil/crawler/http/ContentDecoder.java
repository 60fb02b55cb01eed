package io.vigil.crawler.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes {@code Content-Encoding: gzip / deflate} with the same size limit as the raw body, so a
 * small compressed bomb cannot grow past it.
 */
final class ContentDecoder {

    /** The decoded body exceeded the limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    private ContentDecoder() {}

    static byte[] decode(byte[] raw, String contentEncoding, long maxBytes) throws IOException {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (enc.isEmpty() || enc.equals("identity") || raw.length == 0) {
            return raw;
        }
        if (enc.equals("gzip") || enc.equals("x-gzip")) {
            if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) {
                return raw; // servers that label plain bodies as gzip
            }
            return readLimited(new GZIPInputStream(new ByteArrayInputStream(raw)), maxBytes);
        }
        if (enc.equals("deflate")) {
            // RFC 9110 says zlib-wrapped; some servers send raw deflate: try both.
            try {
                return readLimited(
                        new InflaterInputStream(new ByteArrayInputStream(raw)), maxBytes);
            } catch (TooLargeException e) {
                throw e;
            } catch (IOException e) {
                Inflater raw2 = new Inflater(true);
                try {
                    return readLimited(
                            new InflaterInputStream(new ByteArrayInputStream(raw), raw2), maxBytes);
                } finally {
                    raw2.end();
                }
            }
        }
        throw new IOException("unsupported Content-Encoding: " + contentEncoding);
    }

    private static byte[] readLimited(InputStream in, long maxBytes) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > maxBytes) {
                    throw new TooLargeException("decoded body larger than " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
