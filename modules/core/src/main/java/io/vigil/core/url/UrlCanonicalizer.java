package io.vigil.core.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an article URL: lower-case scheme and host, no default port, no fragment,
 * no tracking parameters, remaining query parameters sorted, no trailing slash on a non-root path.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING =
            Set.of(
                    "fbclid",
                    "gclid",
                    "dclid",
                    "gbraid",
                    "wbraid",
                    "msclkid",
                    "yclid",
                    "mc_cid",
                    "mc_eid",
                    "igshid",
                    "_ga",
                    "_gl",
                    "ocid",
                    "cmpid",
                    "ncid",
                    "smid",
                    "smtyp",
                    "ref_src",
                    "ref_url",
                    "spm",
                    "share",
                    "at_medium",
                    "at_campaign");

    private UrlCanonicalizer() {}

    public static URI canonicalize(URI url) {
        String scheme = url.getScheme() == null ? "http" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? null : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        String path =
                url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = canonicalQuery(url.getRawQuery());
        try {
            return new URI(
                    scheme
                            + "://"
                            + (url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@")
                            + (host == null ? "" : host)
                            + (port == -1 ? "" : ":" + port)
                            + path
                            + (query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return url;
        }
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(pair);
        }
        kept.sort(null);
        return String.join("&", kept);
    }
}
