package io.vigil.export.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Vigil version, from the build (resource {@code vigil-version.properties}). */
public final class VigilVersion {

    private static final String VERSION = load();

    private VigilVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = VigilVersion.class.getResourceAsStream("/vigil-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
