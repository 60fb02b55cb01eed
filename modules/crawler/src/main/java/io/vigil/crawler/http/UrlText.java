package io.vigil.crawler.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Lenient URL handling for what servers and feeds actually send. */
public final class UrlText {

    private UrlText() {}

    /** The URL as we request it (fragment dropped), or null when not absolute http(s). */
    static URI forRequest(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null) {
            return null;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        if (url.getRawFragment() == null) {
            return url;
        }
        String s = url.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    /** {@code reference} resolved against {@code base} as an absolute http(s) URL, or null. */
    static URI resolve(URI base, String reference) {
        URI ref = parse(reference);
        if (ref == null) {
            return null;
        }
        try {
            return forRequest(base.resolve(ref));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Parses a URL as found in the wild: trims it and percent-encodes spaces, non-ASCII and other
     * characters {@link URI} refuses. Null when still unparseable.
     */
    public static URI parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new URI(t);
        } catch (URISyntaxException e) {
            StringBuilder sb = new StringBuilder();
            for (byte b : t.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                    sb.append((char) c);
                } else {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
                }
            }
            try {
                return new URI(sb.toString());
            } catch (URISyntaxException again) {
                return null;
            }
        }
    }
}
