package io.vigil.core.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an article URL: lower-case scheme and host, no default port, no fragment,
 * no tracking parameters, remaining query parameters sorted, no trailing slash on a non-root path,
 * and AMP or mobile variants mapped to the ordinary page ({@code /amp/} segments, {@code ?amp=1},
 * {@code .amp.html}, {@code amp.}/{@code m.}/{@code mobile.} hosts, AMP cache addresses).
 *
 * <p>The canonical form is still a fetchable address: a mobile or AMP host becomes {@code www.}.
 * {@link #identity(URI)} goes one step further for article ids and also ignores the scheme and a
 * leading {@code www.}.
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
                    "twclid",
                    "ttclid",
                    "li_fat_id",
                    "mc_cid",
                    "mc_eid",
                    "mkt_tok",
                    "igshid",
                    "_ga",
                    "_gl",
                    "_hsenc",
                    "_hsmi",
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
                    "at_campaign",
                    "at_custom1",
                    "at_custom2",
                    "at_custom3",
                    "at_custom4",
                    "xtor",
                    "s_cid",
                    "s_kwcid",
                    "cmp",
                    "icid",
                    "soc_src",
                    "soc_trk",
                    "sr_share",
                    "guccounter",
                    "guce_referrer",
                    "guce_referrer_sig",
                    "__twitter_impression",
                    "wt.mc_id",
                    "rss",
                    "vero_id");

    private static final List<String> TRACKING_PREFIXES =
            List.of("utm_", "pk_", "mtm_", "hsa_", "ns_", "oly_");

    /** Query parameters that only ask for the AMP variant of the page. */
    private static final Set<String> AMP_PARAMETERS =
            Set.of("amp", "_amp", "outputtype", "amp_js_v");

    /** Host labels of mobile and AMP variants, replaced by {@code www}. */
    private static final Set<String> VARIANT_HOST_LABELS = Set.of("m", "mobile", "amp", "mobil");

    private static final String AMP_CACHE_SUFFIX = ".cdn.ampproject.org";

    private UrlCanonicalizer() {}

    public static URI canonicalize(URI url) {
        URI unwrapped = unwrapAmpCache(url);
        String scheme =
                unwrapped.getScheme() == null
                        ? "http"
                        : unwrapped.getScheme().toLowerCase(Locale.ROOT);
        String host = canonicalHost(unwrapped.getHost());
        int port = unwrapped.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        String query = canonicalQuery(unwrapped.getRawQuery());
        String path = canonicalPath(unwrapped.getRawPath());
        try {
            return new URI(
                    scheme
                            + "://"
                            + (unwrapped.getRawUserInfo() == null
                                    ? ""
                                    : unwrapped.getRawUserInfo() + "@")
                            + (host == null ? "" : host)
                            + (port == -1 ? "" : ":" + port)
                            + path
                            + (query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return url;
        }
    }

    /**
     * The address to fetch for {@code url}: tracking parameters and the fragment removed, scheme
     * and host lower case, default port dropped, but host and path otherwise as given (a mobile or
     * AMP host may be the only one that answers; the page's own rel=canonical leads further).
     */
    public static URI withoutTracking(URI url) {
        String scheme = url.getScheme() == null ? "http" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? null : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        String query = canonicalQuery(url.getRawQuery());
        String path =
                url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
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

    /**
     * What identifies the article behind {@code url}: its canonical form without the scheme and
     * without a leading {@code www.}, so that {@code http://}, {@code https://}, {@code www.},
     * {@code m.} and AMP addresses of one page are one article.
     */
    public static String identity(URI url) {
        URI canonical = canonicalize(url);
        String host = canonical.getHost();
        if (host == null) {
            return canonical.toString();
        }
        String bare =
                host.startsWith("www.") && host.indexOf('.', 4) > 0 ? host.substring(4) : host;
        return "//"
                + bare
                + (canonical.getPort() == -1 ? "" : ":" + canonical.getPort())
                + canonical.getRawPath()
                + (canonical.getRawQuery() == null ? "" : "?" + canonical.getRawQuery());
    }

    /** {@code https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a} → the page. */
    private static URI unwrapAmpCache(URI url) {
        String host = url.getHost();
        String path = url.getRawPath();
        if (host == null
                || path == null
                || !host.toLowerCase(Locale.ROOT).endsWith(AMP_CACHE_SUFFIX)) {
            return url;
        }
        String rest;
        String scheme;
        if (path.startsWith("/c/s/") || path.startsWith("/v/s/")) {
            scheme = "https";
            rest = path.substring(5);
        } else if (path.startsWith("/c/") || path.startsWith("/v/")) {
            scheme = "http";
            rest = path.substring(3);
        } else {
            return url;
        }
        try {
            return new URI(
                    scheme
                            + "://"
                            + rest
                            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        } catch (URISyntaxException e) {
            return url;
        }
    }

    private static String canonicalHost(String rawHost) {
        if (rawHost == null) {
            return null;
        }
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int dot = host.indexOf('.');
        if (dot > 0
                && VARIANT_HOST_LABELS.contains(host.substring(0, dot))
                && host.indexOf('.', dot + 1) > 0) {
            host = "www" + host.substring(dot);
        }
        return host;
    }

    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String path = URI.create("http://h" + rawPath.replace(" ", "%20")).normalize().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.equalsIgnoreCase("amp")) {
                segments.add(segment);
            }
        }
        if (!segments.isEmpty()) {
            int last = segments.size() - 1;
            String name = segments.get(last);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".amp.html") || lower.endsWith(".amp.htm")) {
                int cut = lower.lastIndexOf(".amp.");
                segments.set(last, name.substring(0, cut) + name.substring(cut + 4));
            } else if (lower.endsWith(".amp") && name.length() > 4) {
                segments.set(last, name.substring(0, name.length() - 4));
            }
        }
        return "/" + String.join("/", segments);
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
            String[] nameValue = pair.split("=", 2);
            String name = nameValue[0].toLowerCase(Locale.ROOT);
            if (isTracking(name) || isAmpSwitch(name, nameValue.length > 1 ? nameValue[1] : "")) {
                continue;
            }
            kept.add(pair);
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private static boolean isTracking(String name) {
        if (TRACKING.contains(name)) {
            return true;
        }
        for (String prefix : TRACKING_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAmpSwitch(String name, String value) {
        if (!AMP_PARAMETERS.contains(name)) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return name.equals("outputtype") ? v.equals("amp") : true;
    }
}
