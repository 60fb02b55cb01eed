package io.vigil.dedup.story;

import io.vigil.core.event.ArticleFetched;
import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.fingerprint.MinHasher;
import io.vigil.dedup.fingerprint.Shingler;
import io.vigil.dedup.fingerprint.Signature;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The text side of deduplication: strips the host's page furniture, shingles what is left, signs it
 * with MinHash and names its buckets (LSH bands, plus the exact hashes of its first long
 * paragraphs, "anchors", which a truncated lead keeps). Needs only the state of the article's own
 * host, so it runs in parallel, partitioned by host.
 */
public final class Fingerprinter {

    /** Paragraphs shorter than this are no anchors: too likely to recur by chance. */
    private static final int ANCHOR_TOKENS = 10;

    private static final long ANCHOR_SALT = 0x3c6ef372fe94f82bL;

    private final DedupProperties settings;
    private final Shingler shingler;
    private final MinHasher minHasher;
    private final Boilerplate boilerplate;
    private final long horizonMillis;

    public Fingerprinter(DedupProperties settings, FurnitureState state) {
        this.settings = settings;
        this.shingler = new Shingler(settings.shingleSize());
        this.minHasher = new MinHasher(settings.hashes());
        this.boilerplate = new Boilerplate(state, settings.edgeParagraphs());
        this.horizonMillis = settings.horizon().toMillis();
    }

    /** The fingerprint of an article seen at {@code now} (epoch milliseconds). */
    public Fingerprint fingerprint(ArticleFetched article, long now) {
        List<long[]> paragraphs =
                boilerplate.strip(
                        host(article.canonicalUrl()),
                        shingler.paragraphs(textOf(article)),
                        now,
                        now - horizonMillis);
        long[] shingles = shingler.shingles(paragraphs);
        Signature signature = minHasher.sign(shingles);
        boolean comparable = shingles.length >= settings.minShingles();
        return new Fingerprint(
                signature,
                shingles.length,
                comparable ? buckets(signature, paragraphs) : new long[0]);
    }

    private long[] buckets(Signature signature, List<long[]> paragraphs) {
        long[] buckets = new long[settings.bands() + settings.anchorParagraphs()];
        int n = 0;
        for (int band = 0; band < settings.bands(); band++) {
            buckets[n++] = signature.bucket(band, settings.rows());
        }
        for (long[] p : paragraphs) {
            if (n == buckets.length) {
                break;
            }
            if (p.length >= ANCHOR_TOKENS) {
                buckets[n++] = Shingler.paragraphHash(p) ^ ANCHOR_SALT;
            }
        }
        return Arrays.copyOf(buckets, n);
    }

    /** The host without {@code www.}, lower case: one outlet, whatever its addresses. */
    public static String host(URI url) {
        String host = url.getHost();
        if (host == null) {
            return "";
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String textOf(ArticleFetched article) {
        for (String text :
                new String[] {
                    article.text(), article.description(), article.feedSummary(), article.title()
                }) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return "";
    }
}
