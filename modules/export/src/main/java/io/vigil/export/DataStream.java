package io.vigil.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of a data file on their way out: gzipped when asked (one gzip member per checkpoint, so
 * that the file is complete at every checkpoint: concatenated members are one valid gzip stream),
 * counted and hashed (SHA-256) as they reach {@code out}.
 */
final class DataStream extends OutputStream {

    private final OutputStream out;
    private final MessageDigest sha256;
    private final boolean gzip;
    private GZIPOutputStream member;
    private long bytes;

    private DataStream(OutputStream out, boolean gzip, MessageDigest sha256, long bytes) {
        this.out = new BufferedOutputStream(out, 256 * 1024);
        this.gzip = gzip;
        this.sha256 = sha256;
        this.bytes = bytes;
    }

    /** A stream over {@code out}, from its first byte. */
    static DataStream of(OutputStream out, boolean gzip) {
        return new DataStream(out, gzip, newDigest(), 0);
    }

    /**
     * A stream appending to a file whose first bytes ({@code prefix}, read to its end) were written
     * before: they count and are hashed first.
     */
    static DataStream appending(OutputStream out, boolean gzip, InputStream prefix)
            throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        long n = 0;
        for (int r; (r = prefix.read(buffer)) > 0; ) {
            digest.update(buffer, 0, r);
            n += r;
        }
        return new DataStream(out, gzip, digest, n);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private final OutputStream counted =
            new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    sha256.update((byte) b);
                    bytes++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    sha256.update(b, off, len);
                    bytes += len;
                }
            };

    private OutputStream target() throws IOException {
        if (!gzip) {
            return counted;
        }
        if (member == null) {
            member = new GZIPOutputStream(counted, 64 * 1024);
        }
        return member;
    }

    @Override
    public void write(int b) throws IOException {
        target().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target().write(b, off, len);
    }

    /**
     * Ends the gzip member, if any, and pushes every byte to {@code out}.
     *
     * @return the bytes written to {@code out} so far: a length to resume from
     */
    long checkpoint() throws IOException {
        if (member != null) {
            member.finish();
            member = null;
        }
        out.flush();
        return bytes;
    }

    @Override
    public void flush() throws IOException {
        if (member != null) {
            member.flush();
        }
        out.flush();
    }

    /** Bytes written to {@code out}, compressed when gzipped. */
    long bytes() {
        return bytes;
    }

    /** The SHA-256 of what reached {@code out}, in hex; call after {@link #close()}. */
    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public void close() throws IOException {
        checkpoint();
        out.close();
    }
}
