package io.vigil.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Someone who may sign in. Published to {@code Topics.users()} (compacted) keyed by {@link
 * #username()}; a tombstone removes the user. Only hashes are stored: the password as BCrypt, each
 * API key as SHA-256 (keys are long random strings, so a fast hash is enough and keeps every API
 * request cheap).
 *
 * @param schema record version of this type
 * @param username the sign-in name: lower case letters, digits, '.', '_', '-', '@'
 * @param passwordHash the password's BCrypt hash ({@code {bcrypt}...}), or null for key-only users
 * @param role what the user may do
 * @param apiKeys the user's API keys
 * @param createdAt when the user was created
 * @param updatedAt when the record last changed
 */
public record User(
        int schema,
        String username,
        String passwordHash,
        Role role,
        List<ApiKey> apiKeys,
        Instant createdAt,
        Instant updatedAt) {

    public static final int SCHEMA = 1;

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!username.matches("[a-z0-9][a-z0-9._@-]{0,63}")) {
            throw new IllegalArgumentException(
                    "a user name is lower case letters, digits, '.', '_', '-' or '@': " + username);
        }
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /** What a user may do; each role may do what the ones below it may. */
    public enum Role {
        /** Reads dashboards, searches and alerts; changes nothing. */
        VIEWER,
        /** Also creates and changes alerts and feeds, and judges relevance. */
        ANALYST,
        /** Also manages users. */
        ADMIN
    }

    /**
     * An API key, for scripts: sent in the {@code X-API-Key} header.
     *
     * @param id a short public id (the key's first characters), to list and revoke it
     * @param sha256 the SHA-256 of the whole key, hex
     * @param name what it is for, or null
     * @param createdAt when it was made
     */
    public record ApiKey(String id, String sha256, String name, Instant createdAt) {
        public ApiKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sha256, "sha256");
        }
    }
}
