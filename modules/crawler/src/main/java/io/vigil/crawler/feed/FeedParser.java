package io.vigil.crawler.feed;

import io.vigil.crawler.http.CharsetSniffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jdom2.Element;

/**
 * Parses a fetched body into a {@link ParsedFeed}: RSS and Atom (Rome, with a lenient fallback),
 * JSON Feed, sitemaps and news sitemaps. Never throws for bad input: a broken document is an
 * outcome. Stateless and thread-safe.
 */
public final class FeedParser {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Sitemaps are limited to 50 MB uncompressed; so are gzipped documents here. */
    private static final int MAX_GUNZIPPED = 50 * 1024 * 1024;

    /**
     * Labels decoded with the superset browsers use (WHATWG Encoding Standard), since servers that
     * say Latin-1, GB2312 or EUC-KR routinely send the vendor extensions.
     */
    private static final Map<String, Charset> SUPERSETS = supersets();

    private static final Pattern ROOT =
            Pattern.compile("<([A-Za-z_][\\w.\\-]*:)?([A-Za-z_][\\w.\\-]*)[\\s>/]");

    private FeedParser() {}

    /**
     * @param body the (decompressed) body
     * @param contentType the HTTP Content-Type, or null
     * @param charsetHint the charset the fetcher found (BOM, header, XML declaration), or null
     * @param feedUrl the URL the body came from after redirects: the base for relative links
     */
    public static ParsedFeed parse(
            byte[] body, String contentType, Charset charsetHint, URI feedUrl) {
        if (body == null || body.length == 0) {
            return ParsedFeed.failed(FeedFormat.UNKNOWN, ParseOutcome.EMPTY, "empty body", null);
        }
        if (body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            byte[] unzipped = gunzip(body); // a .xml.gz sitemap or feed served as a file
            if (unzipped == null) {
                return ParsedFeed.failed(
                        FeedFormat.UNKNOWN,
                        ParseOutcome.MALFORMED,
                        "gzip body that is corrupt or larger than " + MAX_GUNZIPPED + " bytes",
                        null);
            }
            body = unzipped;
            contentType = null; // the type described the archive, not its content
        }
        Charset charset = chooseCharset(body, contentType, charsetHint);
        String text = decode(body, charset);
        String trimmed = text.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).strip();
        }
        if (trimmed.isEmpty()) {
            return ParsedFeed.failed(FeedFormat.UNKNOWN, ParseOutcome.EMPTY, "blank body", charset);
        }
        if (trimmed.startsWith("{")) {
            return JsonFeedReader.read(trimmed, feedUrl);
        }
        String root = rootName(trimmed);
        if (root.equals("html")) {
            return ParsedFeed.failed(
                    FeedFormat.UNKNOWN,
                    ParseOutcome.NOT_A_FEED,
                    "an HTML page, not a feed",
                    charset);
        }
        if (root.equals("urlset") || root.equals("sitemapindex")) {
            return SitemapReader.read(body, contentType, feedUrl, charset);
        }
        XmlDocuments.Parsed parsed = XmlDocuments.parse(text);
        if (parsed == null) {
            return ParsedFeed.failed(
                    FeedFormat.UNKNOWN, ParseOutcome.NOT_A_FEED, "no XML element found", charset);
        }
        Element r = parsed.document().getRootElement();
        if (r.getName().equals("urlset") || r.getName().equals("sitemapindex")) {
            return SitemapReader.read(body, contentType, feedUrl, charset);
        }
        return RomeReader.read(parsed, feedUrl, charset);
    }

    /** BOM, then the hint, then the Content-Type charset, then the XML declaration, then sniff. */
    static Charset chooseCharset(byte[] body, String contentType, Charset hint) {
        Charset bom = CharsetSniffer.bomCharset(body);
        if (bom != null) {
            return bom;
        }
        if (hint != null) {
            return hint;
        }
        Charset declared = CharsetSniffer.detect(body, contentType);
        if (declared != null) {
            return declared;
        }
        return isUtf8(body) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /**
     * Decodes leniently (bad bytes become U+FFFD), with the superset browsers use for a label
     * (Latin-1 and ASCII as windows-1252, GB2312 as GB18030, ...), so "smart quotes" and vendor
     * characters in such feeds survive.
     */
    static String decode(byte[] body, Charset charset) {
        Charset effective = SUPERSETS.getOrDefault(charset.name(), charset);
        int skip =
                effective.equals(CharsetSniffer.bomCharset(body))
                        ? CharsetSniffer.bomLength(body)
                        : 0;
        try {
            return effective
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body, skip, body.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("decoder set to replace failed", e);
        }
    }

    private static Map<String, Charset> supersets() {
        Map<String, Charset> m = new HashMap<>();
        m.put("ISO-8859-1", WINDOWS_1252);
        m.put("US-ASCII", WINDOWS_1252);
        String[][] pairs = {
            {"GB2312", "GB18030"},
            {"GBK", "GB18030"},
            {"EUC-KR", "x-windows-949"},
            {"Shift_JIS", "windows-31j"},
            {"TIS-620", "x-windows-874"},
            {"ISO-8859-9", "windows-1254"},
            {"ISO-8859-11", "x-windows-874"}
        };
        for (String[] p : pairs) {
            if (Charset.isSupported(p[0]) && Charset.isSupported(p[1])) {
                m.put(Charset.forName(p[0]).name(), Charset.forName(p[1]));
            }
        }
        return Map.copyOf(m);
    }

    /** Null when corrupt or larger than {@link #MAX_GUNZIPPED}. */
    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > MAX_GUNZIPPED) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Local name of the first element (after prolog, comments, doctype), lower-case. */
    private static String rootName(String text) {
        int i = 0;
        while (i < text.length()) {
            int lt = text.indexOf('<', i);
            if (lt < 0) {
                return "";
            }
            if (text.startsWith("<?", lt)) {
                i = text.indexOf("?>", lt) < 0 ? text.length() : text.indexOf("?>", lt) + 2;
            } else if (text.startsWith("<!--", lt)) {
                i = text.indexOf("-->", lt) < 0 ? text.length() : text.indexOf("-->", lt) + 3;
            } else if (text.startsWith("<!", lt)) {
                i = text.indexOf('>', lt) < 0 ? text.length() : text.indexOf('>', lt) + 1;
            } else {
                Matcher m = ROOT.matcher(text);
                return m.find(lt) && m.start() == lt ? m.group(2).toLowerCase(Locale.ROOT) : "";
            }
        }
        return "";
    }
}
