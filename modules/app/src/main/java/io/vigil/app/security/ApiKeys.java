package io.vigil.app.security;

import io.vigil.core.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** Making and checking API keys: {@code vk_} and 32 random bytes, stored as SHA-256. */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A new random key (shown once, never stored). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "vk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of {@code key}. */
    public static User.ApiKey record(String key, String name, Instant now) {
        return new User.ApiKey(
                key.substring(0, Math.min(10, key.length())), sha256(key), name, now);
    }

    /** SHA-256 of the key, hex. */
    public static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** A random password for the first admin. */
    static String password() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
