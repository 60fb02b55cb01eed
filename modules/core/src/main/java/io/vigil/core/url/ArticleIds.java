package io.vigil.core.url;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Article ids: a hash of the article's identity (its canonical URL without scheme and {@code www.},
 * see {@link UrlCanonicalizer#identity(URI)}), so the same article always gets the same id, whether
 * it was reached through a tracking link, a mobile host or its AMP page.
 */
public final class ArticleIds {

    private ArticleIds() {}

    /** 32 hex characters (128 bits of SHA-256) of the identity of {@code url}. */
    public static String of(URI url) {
        String canonical = UrlCanonicalizer.identity(url);
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
