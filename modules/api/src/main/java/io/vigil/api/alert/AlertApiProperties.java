package io.vigil.api.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the alerts API ({@code vigil.api.alerts.*}). Every field has a default in code.
 *
 * @param historyPerAlert delivery-log entries kept in memory and shown per alert (default 500)
 */
@Validated
@ConfigurationProperties("vigil.api.alerts")
public record AlertApiProperties(Integer historyPerAlert) {
    public AlertApiProperties {
        historyPerAlert = historyPerAlert == null ? 500 : historyPerAlert;
        if (historyPerAlert < 1) {
            throw new IllegalArgumentException("vigil.api.alerts.history-per-alert must be >= 1");
        }
    }
}
