package io.vigil.api.alert;

import io.vigil.core.alert.Alert;
import java.security.Principal;
import org.springframework.web.context.request.WebRequest;

/**
 * Who is asking, for alert ownership: alerts belong to their owner, and only an admin sees or
 * changes another user's. Read from the web request, so that this module needs no security library:
 * the app's Spring Security sets the principal and answers {@code isUserInRole}. Without a
 * principal (an app run without security) the caller may do everything.
 *
 * @param name the signed-in user, or null without security
 * @param admin whether the caller may see and change every alert
 */
record Caller(String name, boolean admin) {

    static Caller of(WebRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return new Caller(null, true);
        }
        return new Caller(principal.getName(), request.isUserInRole("ADMIN"));
    }

    /** Whether the caller may see and change the alert. */
    boolean mayUse(Alert alert) {
        return admin || name.equals(alert.owner());
    }

    /**
     * The owner of an alert the caller creates or replaces: an admin may name anyone (else
     * themselves); any other user owns what they create, and a replacement keeps its owner.
     *
     * @param asked the owner in the request, or null
     * @param previous the alert being replaced, or null
     */
    String owner(String asked, Alert previous) {
        boolean named = asked != null && !asked.isBlank();
        if (admin) {
            return named ? asked : previous != null ? previous.owner() : name;
        }
        return previous != null ? previous.owner() : name;
    }
}
