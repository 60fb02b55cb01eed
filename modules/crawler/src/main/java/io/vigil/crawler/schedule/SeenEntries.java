package io.vigil.crawler.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bounded memory of entries a feed already published: short fingerprints of entry ids and
 * links, newest first. An entry counts as seen when its id or its link was seen, so a feed that
 * rewrites guids or links (but not both at once) publishes nothing twice.
 */
public final class SeenEntries {

    private final LinkedHashSet<String> fingerprints;

    private SeenEntries(List<String> newestFirst) {
        this.fingerprints = new LinkedHashSet<>(newestFirst);
    }

    public static SeenEntries of(List<String> newestFirst) {
        return new SeenEntries(newestFirst);
    }

    /** 16 hex characters (64 bits of SHA-256) of a value, prefixed by its kind. */
    public static String fingerprint(String kind, String value) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest((kind + ':' + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The fingerprints of one entry: its id and its canonical link. */
    public static Set<String> fingerprints(String entryId, String canonicalLink) {
        Set<String> set = new LinkedHashSet<>();
        if (entryId != null && !entryId.isBlank()) {
            set.add(fingerprint("id", entryId.trim()));
        }
        if (canonicalLink != null && !canonicalLink.isBlank()) {
            set.add(fingerprint("link", canonicalLink));
        }
        return set;
    }

    public boolean seen(Set<String> entryFingerprints) {
        for (String f : entryFingerprints) {
            if (fingerprints.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The memory after a poll: this poll's fingerprints first (all of them, so that nothing still
     * in the feed is forgotten), then the older ones up to {@code capacity} in all.
     */
    public List<String> remember(List<Set<String>> currentEntries, int capacity) {
        LinkedHashSet<String> next = new LinkedHashSet<>();
        for (Set<String> entry : currentEntries) {
            next.addAll(entry);
        }
        int limit = Math.max(capacity, next.size());
        for (String f : fingerprints) {
            if (next.size() >= limit) {
                break;
            }
            next.add(f);
        }
        return new ArrayList<>(next);
    }
}
