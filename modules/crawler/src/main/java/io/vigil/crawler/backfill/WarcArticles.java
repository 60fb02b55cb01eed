package io.vigil.crawler.backfill;

import io.vigil.core.event.ArticleFetched;
import io.vigil.core.url.ArticleIds;
import io.vigil.core.url.UrlCanonicalizer;
import io.vigil.crawler.page.ArticleExtractor;
import io.vigil.crawler.page.ExtractedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Articles from a WARC archive (jwarc): every HTTP 200 HTML response is extracted as the crawler
 * extracts a page, fetched at the record's WARC-Date. Other records (requests, metadata, images,
 * redirects) are not articles and are passed over silently; an HTML page with no article text is
 * reported.
 */
final class WarcArticles {

    /** Bodies larger than this are not articles. */
    private static final int MAX_BODY = ArticleExtractor.MAX_CHARS;

    private final ArticleExtractor extractor;
    private final boolean backfill;
    private final String source;

    WarcArticles(ArticleExtractor extractor, boolean backfill, String source) {
        this.extractor = extractor;
        this.backfill = backfill;
        this.source = source;
    }

    /** The record's article, a problem, or null when the record is not a page at all. */
    Imported read(WarcRecord record) throws IOException {
        if (!(record instanceof WarcResponse response)) {
            return null;
        }
        if (!response.contentType().base().equals(MediaType.HTTP)) {
            return null;
        }
        HttpResponse http = response.http();
        String type = http.contentType().base().toString();
        if (http.status() != 200
                || !(type.equals("text/html") || type.equals("application/xhtml+xml"))) {
            return null;
        }
        URI url = response.targetURI();
        byte[] body;
        try (InputStream in = http.bodyDecoded().stream()) {
            body = in.readNBytes(MAX_BODY);
        }
        Charset charset =
                http.contentType().parameters().containsKey("charset")
                        ? charset(http.contentType().parameters().get("charset"))
                        : null;
        ExtractedArticle x = extractor.extract(body, charset, url);
        if (x.text().isBlank()) {
            return Imported.failed(url + ": no article text (" + x.outcome() + ")");
        }
        URI canonical =
                UrlCanonicalizer.canonicalize(x.canonicalUrl() != null ? x.canonicalUrl() : url);
        return Imported.of(
                new ArticleFetched(
                        ArticleFetched.SCHEMA,
                        ArticleIds.of(canonical),
                        source,
                        url,
                        url,
                        canonical,
                        x.title(),
                        x.text(),
                        x.authors(),
                        x.published(),
                        x.modified(),
                        x.language(),
                        x.declaredLanguage(),
                        x.leadImage(),
                        x.siteName(),
                        x.description(),
                        x.links(),
                        x.access(),
                        null,
                        new ArticleFetched.Fetch(200, type, body.length, response.date(), null),
                        backfill));
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static List<String> extensions() {
        return List.of(".warc", ".warc.gz");
    }
}
