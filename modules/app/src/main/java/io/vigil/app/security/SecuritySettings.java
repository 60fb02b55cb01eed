package io.vigil.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in ({@code vigil.security.*}). The first admin is created at start-up when no user exists
 * yet: with {@code admin-password} when it is set, otherwise with a random password written once to
 * the log. {@code vigil user add} adds users from the command line.
 *
 * @param adminUsername the first admin's name (default {@code admin})
 * @param adminPassword the first admin's password; random (and logged once) when not set
 * @param adminApiKey an API key for the first admin (at least 32 characters), or null for none
 */
@Validated
@ConfigurationProperties("vigil.security")
public record SecuritySettings(String adminUsername, String adminPassword, String adminApiKey) {

    public SecuritySettings {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
        adminPassword = adminPassword == null || adminPassword.isBlank() ? null : adminPassword;
        adminApiKey = adminApiKey == null || adminApiKey.isBlank() ? null : adminApiKey;
        if (adminApiKey != null && adminApiKey.length() < 32) {
            throw new IllegalArgumentException(
                    "vigil.security.admin-api-key must be at least 32 characters");
        }
    }
}
