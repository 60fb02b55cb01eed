package io.vigil.crawler.feed;

import io.vigil.crawler.http.UrlText;
import java.net.URI;
import java.util.Locale;

/** Resolves feed references the way browsers do, tolerating what URI alone refuses. */
final class Links {

    private Links() {}

    /** {@code ref} against {@code base}; absolute refs pass through; null when unusable. */
    static URI resolve(URI base, String ref) {
        URI r = UrlText.parse(ref);
        if (r == null) {
            return null;
        }
        if (r.isAbsolute()) {
            return r.isOpaque() && !isWeb(r) ? r : normalizeEmptyPath(r);
        }
        if (base == null || !base.isAbsolute() || base.isOpaque()) {
            return null;
        }
        try {
            URI b = normalizeEmptyPath(base);
            String s = r.toString();
            if (s.isEmpty()) {
                return b;
            }
            if (s.startsWith("?")) {
                return URI.create(stripQueryAndFragment(b) + s);
            }
            if (s.startsWith("#")) {
                return URI.create(stripFragment(b) + s);
            }
            return b.resolve(r);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An xml:base chain step: like {@link #resolve} but keeps the old base when unusable. */
    static URI rebase(URI base, String xmlBase) {
        if (xmlBase == null) {
            return base;
        }
        URI r = resolve(base, xmlBase);
        return r == null ? base : r;
    }

    private static boolean isWeb(URI u) {
        String s = u.getScheme().toLowerCase(Locale.ROOT);
        return s.equals("http") || s.equals("https");
    }

    private static URI normalizeEmptyPath(URI u) {
        if (u.getRawAuthority() != null && (u.getRawPath() == null || u.getRawPath().isEmpty())) {
            String s =
                    u.getScheme()
                            + "://"
                            + u.getRawAuthority()
                            + "/"
                            + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())
                            + (u.getRawFragment() == null ? "" : "#" + u.getRawFragment());
            return URI.create(s);
        }
        return u;
    }

    private static String stripFragment(URI u) {
        String s = u.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }

    private static String stripQueryAndFragment(URI u) {
        String s = stripFragment(u);
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }
}
