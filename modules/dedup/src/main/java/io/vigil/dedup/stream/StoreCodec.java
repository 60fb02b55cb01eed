package io.vigil.dedup.stream;

import io.vigil.dedup.fingerprint.Signature;
import io.vigil.dedup.story.HostFurniture;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact binary values of the dedup stores (their changelog topics carry the same bytes). Each
 * value starts with a format byte so that a later version can read older values.
 */
final class StoreCodec {

    private static final byte V1 = 1;

    private StoreCodec() {}

    static byte[] article(StoredArticle a) {
        byte[] story = utf8(a.storyId());
        byte[] dup = a.duplicateOf() == null ? null : utf8(a.duplicateOf());
        byte[] host = utf8(a.host());
        ByteBuffer b =
                ByteBuffer.allocate(
                        1
                                + 2
                                + story.length
                                + 2
                                + (dup == null ? 0 : dup.length)
                                + 8
                                + 2
                                + host.length
                                + 8
                                + 8
                                + 4
                                + 2
                                + 4 * a.signature().size());
        b.put(V1);
        putString(b, story);
        putString(b, dup);
        b.putDouble(a.similarity());
        putString(b, host);
        b.putLong(a.fetchedAt());
        b.putLong(a.seenAt());
        b.putInt(a.shingles());
        b.putShort((short) a.signature().size());
        a.signature().writeTo(b);
        return b.array();
    }

    static StoredArticle article(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        version(b);
        String story = getString(b);
        String dup = getString(b);
        double similarity = b.getDouble();
        String host = getString(b);
        long fetchedAt = b.getLong();
        long seenAt = b.getLong();
        int shingles = b.getInt();
        Signature signature = Signature.readFrom(b, b.getShort());
        return new StoredArticle(
                story, dup, similarity, host, fetchedAt, seenAt, shingles, signature);
    }

    /** When an article value was last seen, without decoding the rest. */
    static long articleSeenAt(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        version(b);
        skipString(b);
        skipString(b);
        b.getDouble();
        skipString(b);
        b.getLong();
        return b.getLong();
    }

    static byte[] story(StoredStory s) {
        byte[] rep = utf8(s.representative());
        List<byte[]> outlets = new ArrayList<>(s.outlets().size());
        int size = 1 + 2 + rep.length + 4 + 8 + 2;
        for (String o : s.outlets()) {
            byte[] bytes = utf8(o);
            outlets.add(bytes);
            size += 2 + bytes.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(V1);
        putString(b, rep);
        b.putInt(s.members());
        b.putLong(s.seenAt());
        b.putShort((short) outlets.size());
        for (byte[] o : outlets) {
            putString(b, o);
        }
        return b.array();
    }

    static StoredStory story(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        version(b);
        String rep = getString(b);
        int members = b.getInt();
        long seenAt = b.getLong();
        int n = b.getShort();
        List<String> outlets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outlets.add(getString(b));
        }
        return new StoredStory(rep, members, outlets, seenAt);
    }

    static long storySeenAt(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        version(b);
        skipString(b);
        b.getInt();
        return b.getLong();
    }

    /** A bucket: entries of (article id, time), oldest first. */
    record BucketEntry(String articleId, long time) {}

    static byte[] bucket(List<BucketEntry> entries) {
        int size = 1;
        List<byte[]> ids = new ArrayList<>(entries.size());
        for (BucketEntry e : entries) {
            byte[] id = utf8(e.articleId());
            ids.add(id);
            size += 2 + id.length + 8;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(V1);
        for (int i = 0; i < entries.size(); i++) {
            putString(b, ids.get(i));
            b.putLong(entries.get(i).time());
        }
        return b.array();
    }

    static List<BucketEntry> bucket(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        version(b);
        List<BucketEntry> entries = new ArrayList<>(4);
        while (b.hasRemaining()) {
            entries.add(new BucketEntry(getString(b), b.getLong()));
        }
        return entries;
    }

    /** The time of a bucket's newest entry. */
    static long bucketSeenAt(byte[] bytes) {
        long newest = Long.MIN_VALUE;
        for (BucketEntry e : bucket(bytes)) {
            newest = Math.max(newest, e.time());
        }
        return newest;
    }

    static byte[] furniture(HostFurniture f) {
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 20 * f.size());
        b.put(V1);
        b.putInt(f.size());
        for (int i = 0; i < f.size(); i++) {
            b.putLong(f.hash(i)).putInt(f.count(i)).putLong(f.seenAt(i));
        }
        return b.array();
    }

    static HostFurniture furniture(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        version(b);
        int n = b.getInt();
        long[] hashes = new long[n];
        int[] counts = new int[n];
        long[] seenAt = new long[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = b.getLong();
            counts[i] = b.getInt();
            seenAt[i] = b.getLong();
        }
        return new HostFurniture(hashes, counts, seenAt);
    }

    static long furnitureSeenAt(byte[] bytes) {
        return furniture(bytes).newest();
    }

    private static void version(ByteBuffer b) {
        byte v = b.get();
        if (v != V1) {
            throw new IllegalStateException("unknown dedup store format " + v);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void putString(ByteBuffer b, byte[] s) {
        if (s == null) {
            b.putShort((short) -1);
        } else {
            b.putShort((short) s.length);
            b.put(s);
        }
    }

    private static String getString(ByteBuffer b) {
        int n = b.getShort();
        if (n < 0) {
            return null;
        }
        String s = new String(b.array(), b.arrayOffset() + b.position(), n, StandardCharsets.UTF_8);
        b.position(b.position() + n);
        return s;
    }

    private static void skipString(ByteBuffer b) {
        int n = b.getShort();
        if (n > 0) {
            b.position(b.position() + n);
        }
    }
}
