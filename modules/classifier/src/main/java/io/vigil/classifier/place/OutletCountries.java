package io.vigil.classifier.place;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The country of an outlet: the feed's configured country when there is one, else the host's
 * country-code top-level domain ({@code .de}, {@code .co.uk}, {@code .com.cn}). Country codes used
 * as generic domains ({@code .tv}, {@code .io}, {@code .co}, ...) tell nothing and give null.
 */
public final class OutletCountries {

    private static final Set<String> GENERIC =
            Set.of(
                    "tv", "io", "co", "me", "fm", "ai", "ly", "to", "cc", "ws", "nu", "gg", "am",
                    "la");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private OutletCountries() {}

    /**
     * @param feedCountry the country configured for the article's feed, or null
     * @param url the article's URL
     */
    public static String of(String feedCountry, URI url) {
        if (feedCountry != null && !feedCountry.isBlank()) {
            return feedCountry.toUpperCase(Locale.ROOT);
        }
        String host = url == null ? null : url.getHost();
        if (host == null) {
            return null;
        }
        int dot = host.lastIndexOf('.');
        String tld = host.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (tld.length() != 2 || GENERIC.contains(tld)) {
            return null;
        }
        String code = tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
        return COUNTRIES.contains(code) ? code : null;
    }
}
