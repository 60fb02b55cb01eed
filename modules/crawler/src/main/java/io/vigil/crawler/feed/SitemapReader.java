package io.vigil.crawler.feed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * XML sitemaps, sitemap indexes and Google News sitemaps through crawler-commons. A plain sitemap
 * entry has a link and a last-modified date; a news entry also a title, language, keywords and a
 * publication date; an index lists child sitemaps as entries for the caller to fetch.
 */
final class SitemapReader {

    private SitemapReader() {}

    static ParsedFeed read(byte[] body, String contentType, URI feedUrl, Charset encoding) {
        SiteMapParser parser = new SiteMapParser(false);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap map;
        try {
            URL url = feedUrl.toURL();
            map = parser.parseSiteMap(contentType == null ? "text/xml" : contentType, body, url);
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            return ParsedFeed.failed(
                    FeedFormat.SITEMAP,
                    ParseOutcome.MALFORMED,
                    "sitemap: " + e.getMessage(),
                    encoding);
        }
        List<ParsedEntry> entries = new ArrayList<>();
        if (map instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps()) {
                URI link = uri(child.getUrl());
                Instant modified =
                        child.getLastModified() == null
                                ? null
                                : child.getLastModified().toInstant();
                entries.add(
                        new ParsedEntry(
                                link == null ? null : link.toString(),
                                link,
                                null,
                                null,
                                null,
                                List.of(),
                                List.of(),
                                null,
                                modified,
                                null,
                                null,
                                null));
            }
            return new ParsedFeed(
                    FeedFormat.SITEMAP_INDEX,
                    ParseOutcome.OK,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    encoding,
                    entries);
        }
        boolean news = false;
        for (SiteMapURL u : ((SiteMap) map).getSiteMapUrls()) {
            URI link = uri(u.getUrl());
            Instant modified = u.getLastModified() == null ? null : u.getLastModified().toInstant();
            NewsAttributes n = newsOf(u);
            news |= n != null;
            entries.add(
                    new ParsedEntry(
                            link == null ? null : link.toString(),
                            link,
                            n == null ? null : PlainText.fromHtml(n.getTitle()),
                            null,
                            null,
                            List.of(),
                            n == null || n.getKeywords() == null
                                    ? List.of()
                                    : Arrays.stream(n.getKeywords())
                                            .map(String::strip)
                                            .filter(s -> !s.isEmpty())
                                            .toList(),
                            n == null || n.getPublicationDate() == null
                                    ? null
                                    : n.getPublicationDate().toInstant(),
                            modified,
                            n == null ? null : n.getLanguage(),
                            n == null ? null : PlainText.fromText(n.getName()),
                            null));
        }
        return new ParsedFeed(
                news ? FeedFormat.NEWS_SITEMAP : FeedFormat.SITEMAP,
                ParseOutcome.OK,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                encoding,
                entries);
    }

    private static NewsAttributes newsOf(SiteMapURL u) {
        ExtensionMetadata[] meta = u.getAttributesForExtension(Extension.NEWS);
        if (meta == null) {
            return null;
        }
        for (ExtensionMetadata m : meta) {
            if (m instanceof NewsAttributes n) {
                return n;
            }
        }
        return null;
    }

    private static URI uri(URL url) {
        if (url == null) {
            return null;
        }
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
