package io.vigil.app;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What this instance does.
 *
 * @param roles the roles this JVM runs; all of them by default ({@code --roles} on the command
 *     line, {@code vigil.app.roles} in configuration)
 */
@Validated
@ConfigurationProperties("vigil.app")
public record AppSettings(Set<Role> roles) {

    public AppSettings {
        roles = roles == null || roles.isEmpty() ? EnumSet.allOf(Role.class) : Set.copyOf(roles);
    }

    /** True when this instance runs {@code role}. */
    public boolean runs(Role role) {
        return roles.contains(role);
    }

    /** The parts of Vigil one instance may run; see DESIGN.md. */
    public enum Role {
        /** Feed polling and page fetching. */
        CRAWLER,
        /** Deduplication and classification. */
        PIPELINE,
        /** Writing articles and stories to Elasticsearch. */
        INDEXER,
        /** Matching saved queries and delivering alerts. */
        ALERTING,
        /** The REST API and the web UI. */
        API
    }
}
