package io.vigil.crawler.page;

import io.vigil.core.event.ArticleFetched.Access;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an HTML page into an {@link ExtractedArticle}: metadata from markup ({@link PageMetadata}),
 * the article container and its text ({@link ContentExtractor}, {@link TextRenderer}), the access
 * flag ({@link AccessDetector}) and the detected language ({@link LanguageDetection}). Pure and
 * thread-safe; a page it cannot handle gives an error outcome.
 */
public final class ArticleExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleExtractor.class);

    /** Pages longer than this many characters are refused. */
    public static final int MAX_CHARS = 8 * 1024 * 1024;

    private final boolean detectLanguage;

    /** An extractor that also detects the text's language. */
    public ArticleExtractor() {
        this(true);
    }

    /**
     * @param detectLanguage whether to run language detection on the extracted text
     */
    public ArticleExtractor(boolean detectLanguage) {
        this.detectLanguage = detectLanguage;
    }

    /** Extracts from raw bytes; a null charset means: detect it from the page (meta charset). */
    public ExtractedArticle extract(byte[] body, Charset charset, URI pageUrl) {
        if (body == null || body.length == 0) {
            return ExtractedArticle.failed(ExtractedArticle.Outcome.EMPTY, pageUrl);
        }
        if (body.length > MAX_CHARS * 2L) {
            return ExtractedArticle.failed(ExtractedArticle.Outcome.TOO_LARGE, pageUrl);
        }
        if (looksBinary(body)) {
            return ExtractedArticle.failed(ExtractedArticle.Outcome.NOT_HTML, pageUrl);
        }
        if (charset != null) {
            return extract(new String(body, charset), pageUrl);
        }
        try {
            // the page names its charset (meta charset, BOM): let the parser find it
            Document doc = Jsoup.parse(new ByteArrayInputStream(body), null, base(pageUrl));
            return extract(doc, pageUrl);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot parse {}: {}", pageUrl, e.toString());
            return ExtractedArticle.failed(ExtractedArticle.Outcome.UNPARSEABLE, pageUrl);
        }
    }

    /** Extracts from a decoded page. */
    public ExtractedArticle extract(String html, URI pageUrl) {
        if (html == null || html.isBlank()) {
            return ExtractedArticle.failed(ExtractedArticle.Outcome.EMPTY, pageUrl);
        }
        if (html.length() > MAX_CHARS) {
            return ExtractedArticle.failed(ExtractedArticle.Outcome.TOO_LARGE, pageUrl);
        }
        if (looksBinary(html) || html.indexOf('<') < 0) {
            return ExtractedArticle.failed(ExtractedArticle.Outcome.NOT_HTML, pageUrl);
        }
        try {
            return extract(Jsoup.parse(ScriptStripper.strip(html), base(pageUrl)), pageUrl);
        } catch (RuntimeException e) {
            LOG.debug("cannot extract {}: {}", pageUrl, e.toString());
            return ExtractedArticle.failed(ExtractedArticle.Outcome.UNPARSEABLE, pageUrl);
        }
    }

    private ExtractedArticle extract(Document doc, URI pageUrl) {
        PageMetadata meta = PageMetadata.read(doc, pageUrl == null ? null : pageUrl.toString());
        Element body = doc.body();
        TextRenderer.Rendered rendered = Article.content(body, meta.articleBody(), meta.title());
        String text = rendered.text();
        int size = ContentExtractor.visible(text);
        Access access = AccessDetector.detect(meta, size, doc);
        String language = detectLanguage && !text.isEmpty() ? LanguageDetection.detect(text) : null;
        return new ExtractedArticle(
                text.isEmpty()
                        ? ExtractedArticle.Outcome.NO_TEXT
                        : ExtractedArticle.Outcome.EXTRACTED,
                pageUrl,
                uri(meta.canonicalUrl(), pageUrl),
                meta.title(),
                text,
                meta.authors(),
                meta.published(),
                meta.modified(),
                meta.declaredLanguage(),
                language,
                uri(meta.leadImage(), pageUrl),
                meta.siteName(),
                meta.description(),
                rendered.links(),
                access);
    }

    /**
     * Content selection. The JSON-LD body steers it when it agrees with the page. When class names
     * leave only a short text, they may be layout names ("content-with-sidebar"): measure again
     * without them and take that if it finds much more article-like text.
     */
    private static final class Article {
        /** Below this much good text, a second look without class names is worth it. */
        static final int SHORT = 1000;

        static TextRenderer.Rendered content(Element body, String articleBody, String title) {
            ArticleBodyHint hint = ArticleBodyHint.of(articleBody);
            ContentExtractor.Measurement measured = ContentExtractor.measure(body, hint);
            if (hint != null) {
                ContentExtractor.Frame plain = measured.container(false);
                int found = plain == null ? 0 : plain.good;
                if (hint.length() * 2 >= found) {
                    ContentExtractor.Frame hinted = measured.container(true);
                    if (hinted != null && hinted.good * 2 >= found) {
                        return TextRenderer.render(hinted, measured.frames, hint, title);
                    }
                }
            }
            ContentExtractor.Frame container = measured.container(false);
            if (container == null) {
                return new TextRenderer.Rendered("", List.of());
            }
            return TextRenderer.render(container, measured.frames, null, title);
        }
    }

    private static String base(URI pageUrl) {
        return pageUrl == null ? "" : pageUrl.toString();
    }

    /** An absolute http(s) URI for a page-given value, or null. */
    private static URI uri(String value, URI base) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip().replace(" ", "%20"));
            URI resolved = base != null && !uri.isAbsolute() ? base.resolve(uri) : uri;
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
                    ? resolved
                    : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 2048);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0 || b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
                bad++;
            }
        }
        return bad * 20 > n;
    }

    private static boolean looksBinary(String s) {
        int n = Math.min(s.length(), 2048);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x09 || (c > 0x0d && c < 0x20) || c == '\ufffd') {
                bad++;
            }
        }
        return bad * 20 > n;
    }
}
