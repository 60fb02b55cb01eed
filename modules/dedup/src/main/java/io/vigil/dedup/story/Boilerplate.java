package io.vigil.dedup.story;

import io.vigil.dedup.fingerprint.Shingler;
import java.util.ArrayList;
import java.util.List;

/**
 * Strips an outlet's page furniture (navigation, footers, "related stories", newsletter boxes) from
 * an article: a leading or trailing paragraph that the same host already had in {@link
 * #SEEN_BEFORE} other articles is furniture, not news. Different stories of one outlet then no
 * longer look alike for their shared blocks. An article whose text was almost all seen at its host
 * before is a republication, not furniture, and is kept whole.
 */
final class Boilerplate {

    /** Above this share of tokens seen before, the article is a republication: keep it whole. */
    private static final double REPUBLICATION = 0.9;

    /**
     * A leading or trailing paragraph is furniture once this many earlier articles of the host had
     * it. Furniture recurs in every article; a paragraph in just one earlier article may be news
     * told twice: a lead, then its full text under another URL (as a wire story's copies are, on a
     * host that serves several outlets). At 1, a lead seen first made its full copies lose their
     * opening paragraphs and no longer match it.
     */
    static final int SEEN_BEFORE = 2;

    /** Paragraphs remembered per host: a few articles' worth of furniture and news. */
    private static final int CAPACITY = 256;

    private final FurnitureState state;
    private final int edge;

    Boilerplate(FurnitureState state, int edgeParagraphs) {
        this.state = state;
        this.edge = edgeParagraphs;
    }

    /**
     * The paragraphs of a new article without its host's furniture, and records its leading and
     * trailing paragraphs as seen at the host.
     */
    List<long[]> strip(String host, List<long[]> paragraphs, long now, long notBefore) {
        HostFurniture seen = state.furniture(host);
        int n = paragraphs.size();
        boolean[] furniture = new boolean[n];
        long[] keys = new long[n];
        int total = 0;
        int stripped = 0;
        for (int i = 0; i < n; i++) {
            total += paragraphs.get(i).length;
            if (isEdge(i, n)) {
                keys[i] = Shingler.paragraphHash(paragraphs.get(i));
                if (seen.count(keys[i], notBefore) >= SEEN_BEFORE) {
                    furniture[i] = true;
                    stripped += paragraphs.get(i).length;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (isEdge(i, n)) {
                seen.see(keys[i], now, notBefore);
            }
        }
        seen.prune(notBefore, CAPACITY);
        state.putFurniture(host, seen);
        if (stripped == 0 || stripped >= REPUBLICATION * total) {
            return paragraphs;
        }
        List<long[]> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!furniture[i]) {
                kept.add(paragraphs.get(i));
            }
        }
        return kept;
    }

    private boolean isEdge(int i, int n) {
        return i < edge || i >= n - edge;
    }
}
