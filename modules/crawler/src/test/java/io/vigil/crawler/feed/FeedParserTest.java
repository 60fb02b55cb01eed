package io.vigil.crawler.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static final URI FEED_URL = URI.create("https://news.example.org/section/feed.xml");

    private static ParsedFeed parse(String xml) {
        return FeedParser.parse(
                xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", null, FEED_URL);
    }

    @Test
    void readsRss2WithRelativeLinksAndHtmlText() {
        ParsedFeed feed =
                parse(
                        """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel>
                  <title>News &amp;amp; Views</title>
                  <link>/</link>
                  <language>en_GB</language>
                  <item>
                    <title>Protest in &lt;b&gt;the&lt;/b&gt; capital</title>
                    <link>../2026/01/protest.html</link>
                    <guid isPermaLink="false">  article-42 </guid>
                    <description><![CDATA[<p>Thousands&nbsp;marched.</p><script>x()</script>]]></description>
                    <dc:creator>Jane Roe</dc:creator>
                    <author>editor@example.org (Desk Editor)</author>
                    <category>Politics</category>
                    <pubDate>Tue, 06 Jan 2026 08:49:37 +0100</pubDate>
                  </item>
                </channel>
                </rss>
                """);

        assertThat(feed.outcome()).isEqualTo(ParseOutcome.OK);
        assertThat(feed.format()).isEqualTo(FeedFormat.RSS_200);
        assertThat(feed.title()).isEqualTo("News & Views");
        assertThat(feed.link()).isEqualTo(URI.create("https://news.example.org/"));
        assertThat(feed.language()).isEqualTo("en-GB");
        ParsedEntry e = feed.entries().get(0);
        assertThat(e.title()).isEqualTo("Protest in the capital");
        assertThat(e.link()).isEqualTo(URI.create("https://news.example.org/2026/01/protest.html"));
        assertThat(e.id()).isEqualTo("article-42");
        assertThat(e.summary()).isEqualTo("Thousands\u00a0marched.");
        assertThat(e.authors()).containsExactly("Jane Roe", "Desk Editor");
        assertThat(e.categories()).containsExactly("Politics");
        assertThat(e.published()).isEqualTo(Instant.parse("2026-01-06T07:49:37Z"));
        assertThat(e.language()).isEqualTo("en-GB");
    }

    @Test
    void resolvesAtomLinksAgainstXmlBaseAndReadsTextConstructs() {
        ParsedFeed feed =
                parse(
                        """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.net/a/"
                      xml:lang="fr">
                  <title type="text">Less &lt;than&gt; more</title>
                  <entry xml:base="posts/">
                    <id>tag:example.net,2026:1</id>
                    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Un <b>titre</b></div></title>
                    <link rel="enclosure" href="audio.mp3"/>
                    <link href="one.html"/>
                    <summary type="html">&lt;p&gt;R&amp;eacute;sum&amp;eacute;&lt;/p&gt;</summary>
                    <content type="html" xml:lang="de">&lt;p&gt;Inhalt&lt;/p&gt;</content>
                    <author><name>Marie</name><email>m@example.net</email></author>
                    <published>2026-01-05T10:00:00+01:00</published>
                    <updated>2026-01-05T12:30Z</updated>
                  </entry>
                </feed>
                """);

        assertThat(feed.format()).isEqualTo(FeedFormat.ATOM_10);
        assertThat(feed.title()).isEqualTo("Less <than> more");
        ParsedEntry e = feed.entries().get(0);
        assertThat(e.link()).isEqualTo(URI.create("https://blog.example.net/a/posts/one.html"));
        assertThat(e.title()).isEqualTo("Un titre");
        assertThat(e.summary()).isEqualTo("Résumé");
        assertThat(e.content()).isEqualTo("Inhalt");
        assertThat(e.language()).isEqualTo("de");
        assertThat(e.authors()).containsExactly("Marie");
        assertThat(e.published()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(e.updated()).isEqualTo(Instant.parse("2026-01-05T12:30:00Z"));
    }

    @Test
    void recoversEntriesFromIllFormedXml() {
        ParsedFeed feed =
                parse(
                        """
                <rss version="2.0"><channel><title>Broken & proud</title>
                <item><title>First</title><link>https://example.org/1?a=1&b=2</link></item>
                <item><title>Second &eacute;</title><link>https://example.org/2</link>
                </channel>
                """);

        assertThat(feed.outcome()).isEqualTo(ParseOutcome.RECOVERED);
        assertThat(feed.title()).isEqualTo("Broken & proud");
        assertThat(feed.entries())
                .extracting(ParsedEntry::title)
                .containsExactly("First", "Second é");
        assertThat(feed.entries().get(0).link())
                .isEqualTo(URI.create("https://example.org/1?a=1&b=2"));
    }

    @Test
    void usesTheBomThenTheHintThenTheDeclaration() {
        byte[] latin1 =
                "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><title>Café</title></channel></rss>"
                        .getBytes(StandardCharsets.ISO_8859_1);

        ParsedFeed declared = FeedParser.parse(latin1, "text/xml", null, FEED_URL);
        ParsedFeed hinted =
                FeedParser.parse(latin1, null, Charset.forName("windows-1252"), FEED_URL);

        assertThat(declared.title()).isEqualTo("Café");
        assertThat(declared.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(hinted.encoding()).isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void readsJsonFeed() {
        String json =
                """
                {"version": "https://jsonfeed.org/version/1.1", "title": "JSON news",
                 "home_page_url": "https://example.org/", "language": "es",
                 "items": [{"id": "1", "url": "/posts/1", "title": "Hola",
                   "content_html": "<p>Cuerpo</p>", "date_published": "2026-01-02T03:04:05Z",
                   "authors": [{"name": "Ana"}], "tags": ["derechos"]}]}
                """;
        ParsedFeed feed =
                FeedParser.parse(
                        json.getBytes(StandardCharsets.UTF_8),
                        "application/feed+json",
                        null,
                        URI.create("https://example.org/feed.json"));

        assertThat(feed.format()).isEqualTo(FeedFormat.JSON_FEED);
        ParsedEntry e = feed.entries().get(0);
        assertThat(e.link()).isEqualTo(URI.create("https://example.org/posts/1"));
        assertThat(e.summary()).isEqualTo("Cuerpo");
        assertThat(e.authors()).containsExactly("Ana");
        assertThat(e.categories()).containsExactly("derechos");
        assertThat(e.language()).isEqualTo("es");
        assertThat(e.published()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void readsNewsSitemapsAndPlainSitemaps() {
        String news =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>https://news.example.org/2026/01/story.html</loc>
                    <news:news><news:publication><news:name>Example Times</news:name>
                      <news:language>en</news:language></news:publication>
                      <news:publication_date>2026-01-03T10:00:00Z</news:publication_date>
                      <news:title>Court rules on detention</news:title>
                      <news:keywords>courts, detention</news:keywords></news:news></url>
                </urlset>
                """;
        String plain =
                """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://news.example.org/a.html</loc><lastmod>2026-01-01</lastmod></url>
                </urlset>
                """;
        URI url = URI.create("https://news.example.org/sitemap.xml");

        ParsedFeed n =
                FeedParser.parse(news.getBytes(StandardCharsets.UTF_8), "text/xml", null, url);
        ParsedFeed p = FeedParser.parse(plain.getBytes(StandardCharsets.UTF_8), null, null, url);

        assertThat(n.format()).isEqualTo(FeedFormat.NEWS_SITEMAP);
        ParsedEntry e = n.entries().get(0);
        assertThat(e.title()).isEqualTo("Court rules on detention");
        assertThat(e.published()).isEqualTo(Instant.parse("2026-01-03T10:00:00Z"));
        assertThat(e.categories()).containsExactly("courts", "detention");
        assertThat(e.source()).isEqualTo("Example Times");
        assertThat(p.format()).isEqualTo(FeedFormat.SITEMAP);
        assertThat(p.entries().get(0).updated()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void badDocumentsAreOutcomesNotExceptions() {
        assertThat(FeedParser.parse(new byte[0], null, null, FEED_URL).outcome())
                .isEqualTo(ParseOutcome.EMPTY);
        assertThat(parse("<!DOCTYPE html><html><body>Not a feed</body></html>").outcome())
                .isEqualTo(ParseOutcome.NOT_A_FEED);
        assertThat(parse("<catalog><book/></catalog>").outcome())
                .isEqualTo(ParseOutcome.NOT_A_FEED);
        assertThat(
                        FeedParser.parse(
                                        "{\"not\": \"a feed\"}".getBytes(StandardCharsets.UTF_8),
                                        "application/json",
                                        null,
                                        FEED_URL)
                                .outcome())
                .isEqualTo(ParseOutcome.NOT_A_FEED);
        assertThat(parse("just some text").outcome())
                .isIn(ParseOutcome.NOT_A_FEED, ParseOutcome.MALFORMED);
    }

    @Test
    void neverLoadsExternalEntities() {
        ParsedFeed feed =
                parse(
                        """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY org "Example Org">]>
                <rss version="2.0"><channel><title>&org; &xxe;</title></channel></rss>
                """);

        assertThat(feed.title()).doesNotContain("root:");
        assertThat(feed.title()).startsWith("Example Org");
    }

    @Test
    void survivesHostileNestingAndEntityBombs() {
        String deep =
                "<rss><channel><title>Deep</title><item><title>t</title>"
                        + "<description>"
                        + "<x>".repeat(50_000)
                        + "</description></channel>";
        String bomb =
                """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <rss version="2.0"><channel><title>&b;&b;&b;</title></channel></rss>
                """;

        ParsedFeed nested = parse(deep);
        ParsedFeed bombed = parse(bomb);

        assertThat(nested.outcome().usable()).isTrue();
        assertThat(nested.title()).isEqualTo("Deep");
        assertThat(bombed.outcome()).isNotNull();
        assertThat(bombed.title() == null ? 0 : bombed.title().length()).isLessThan(1_000);
    }

    @Test
    void decodesLabelsWithTheSupersetBrowsersUse() {
        byte[] body = {
            '<',
            'r',
            's',
            's',
            '>',
            '<',
            'c',
            'h',
            'a',
            'n',
            'n',
            'e',
            'l',
            '>',
            '<',
            't',
            'i',
            't',
            'l',
            'e',
            '>',
            (byte) 0x80,
            ' ',
            (byte) 0x93,
            'q',
            (byte) 0x94,
            '<',
            '/',
            't',
            'i',
            't',
            'l',
            'e',
            '>',
            '<',
            '/',
            'c',
            'h',
            'a',
            'n',
            'n',
            'e',
            'l',
            '>',
            '<',
            '/',
            'r',
            's',
            's',
            '>'
        };

        ParsedFeed feed = FeedParser.parse(body, "text/xml; charset=iso-8859-1", null, FEED_URL);

        assertThat(feed.title()).isEqualTo("€ “q”");
        assertThat(feed.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsGzippedSitemapFiles() throws java.io.IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(buffer)) {
            gz.write(
                    """
                    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <url><loc>https://news.example.org/b.html</loc></url>
                    </urlset>
                    """
                            .getBytes(StandardCharsets.UTF_8));
        }

        ParsedFeed feed =
                FeedParser.parse(
                        buffer.toByteArray(),
                        "application/x-gzip",
                        null,
                        URI.create("https://news.example.org/sitemap.xml.gz"));

        assertThat(feed.format()).isEqualTo(FeedFormat.SITEMAP);
        assertThat(feed.entries())
                .extracting(ParsedEntry::link)
                .containsExactly(URI.create("https://news.example.org/b.html"));
    }
}
