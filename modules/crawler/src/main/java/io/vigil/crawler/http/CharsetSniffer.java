package io.vigil.crawler.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the charset a document declares, in the priority of RFC 7303 section 3 (and of feedparser):
 * a byte order mark first, then the {@code charset} parameter of the HTTP {@code Content-Type},
 * then the XML declaration (or, without one, the UTF-16/32 pattern of {@code <?}). Unlike RFC 3023
 * we do not default {@code text/xml} without a charset to US-ASCII: RFC 7303 dropped that rule
 * because real feeds served as {@code text/xml} are mostly UTF-8 or declare their encoding.
 */
public final class CharsetSniffer {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Pattern HEADER_CHARSET =
            Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");
    private static final Pattern XML_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");

    private CharsetSniffer() {}

    /** The declared charset of a body, or null when nothing declares one. */
    public static Charset detect(byte[] body, String contentType) {
        Charset bom = bomCharset(body);
        if (bom != null) {
            return bom;
        }
        Charset header = headerCharset(contentType);
        if (header != null) {
            return header;
        }
        return xmlCharset(body);
    }

    /** The charset named by a leading byte order mark, or null. */
    public static Charset bomCharset(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return UTF_32BE;
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** Length in bytes of a leading byte order mark (0 when there is none). */
    public static int bomLength(byte[] b) {
        Charset bom = bomCharset(b);
        if (bom == null) {
            return 0;
        }
        if (bom.equals(UTF_32BE) || bom.equals(UTF_32LE)) {
            return 4;
        }
        return bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }

    /** The {@code charset} parameter of a Content-Type, or null when absent or unknown. */
    public static Charset headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? forName(m.group(1)) : null;
    }

    /** The media type without parameters, lower-cased, or "" when absent. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        String type = semi < 0 ? contentType : contentType.substring(0, semi);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The charset from the XML declaration; for a document starting with {@code <?} in UTF-16 or
     * UTF-32 without BOM, that encoding with the byte order the pattern shows.
     */
    public static Charset xmlCharset(byte[] b) {
        if (startsWith(b, 0x3C, 0x00, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (startsWith(b, 0x00, 0x00, 0x00, 0x3C)) {
            return UTF_32BE;
        }
        if (startsWith(b, 0x3C, 0x00, 0x3F, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(b, 0x00, 0x3C, 0x00, 0x3F)) {
            return StandardCharsets.UTF_16BE;
        }
        int n = Math.min(b.length, 512);
        String head = new String(b, 0, n, StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head);
        if (!m.find()) {
            return null;
        }
        Charset declared = forName(m.group(1));
        if (declared == null) {
            return null;
        }
        String name = declared.name().toUpperCase(Locale.ROOT);
        // An ASCII-compatible byte stream cannot be UTF-16/32, whatever it declares.
        return name.startsWith("UTF-16") || name.startsWith("UTF-32") ? null : declared;
    }

    private static Charset forName(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            return null; // unknown or illegal name: as if none were given
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
