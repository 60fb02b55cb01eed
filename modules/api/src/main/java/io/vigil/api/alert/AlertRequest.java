package io.vigil.api.alert;

import io.vigil.core.alert.Alert;
import io.vigil.core.search.InvalidQueryException;
import io.vigil.core.search.QueryValidator;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * An alert as a client creates or replaces it: everything but its id, times and feed token.
 *
 * @param owner who owns it
 * @param name a short name (default: the query)
 * @param query the query, in the search API's syntax
 * @param filters further conditions, or null
 * @param email email delivery, or null
 * @param webhook webhook delivery, or null
 * @param feed true for an Atom feed behind a secret token (default false)
 * @param muted true to stop deliveries (default false)
 * @param snoozedUntil no deliveries before this time, or null
 */
public record AlertRequest(
        String owner,
        String name,
        String query,
        Alert.Filters filters,
        Alert.Email email,
        Alert.Webhook webhook,
        Boolean feed,
        Boolean muted,
        Instant snoozedUntil) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** This request with another owner. */
    AlertRequest withOwner(String owner) {
        return new AlertRequest(
                owner, name, query, filters, email, webhook, feed, muted, snoozedUntil);
    }

    /**
     * The alert this request makes, checked.
     *
     * @param previous the alert it replaces (keeps its creation time and feed token), or null
     * @throws InvalidQueryException when the query or a delivery is not valid
     */
    Alert toAlert(String id, Alert previous, QueryValidator validator, Instant now) {
        if (owner == null || owner.isBlank()) {
            throw InvalidQueryException.of("owner", "An alert needs an owner.");
        }
        if (query == null || query.isBlank()) {
            throw InvalidQueryException.of("query", "An alert needs a query.");
        }
        try {
            validator.validate(query);
        } catch (InvalidQueryException e) {
            throw new InvalidQueryException(
                    "query", e.getMessage(), e.line(), e.column(), e.position());
        }
        if (email != null) {
            for (String to : email.to()) {
                if (!to.matches("[^@\\s]+@[^@\\s]+")) {
                    throw InvalidQueryException.of(
                            "email.to", "Not an email address: '" + to + "'.");
                }
            }
        }
        if (webhook != null) {
            URI url = webhook.url();
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw InvalidQueryException.of(
                        "webhook.url", "A webhook needs an http(s) URL with a host.");
            }
        }
        Alert.Feed feedSetting = null;
        if (Boolean.TRUE.equals(feed)) {
            boolean keep = previous != null && previous.delivery().feed() != null;
            feedSetting = keep ? previous.delivery().feed() : new Alert.Feed(token());
        }
        return new Alert(
                Alert.SCHEMA,
                id,
                owner.strip(),
                name,
                query,
                filters,
                new Alert.Delivery(email, webhook, feedSetting),
                Boolean.TRUE.equals(muted),
                snoozedUntil,
                previous == null ? now : previous.createdAt(),
                now);
    }

    /** A new feed token: 24 random bytes, URL-safe. */
    static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
