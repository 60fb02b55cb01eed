package io.vigil.core.url;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Article ids: a hash of the canonical URL, so the same article always gets the same id. */
public final class ArticleIds {

    private ArticleIds() {}

    /** 32 hex characters (128 bits of SHA-256) of the canonical form of {@code url}. */
    public static String of(URI url) {
        String canonical = UrlCanonicalizer.canonicalize(url).toString();
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
