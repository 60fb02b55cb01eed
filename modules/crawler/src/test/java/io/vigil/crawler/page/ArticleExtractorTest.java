package io.vigil.crawler.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleFetched.Access;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    static String fixture(String name) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsTheArticleAndDropsThePageFurniture() throws IOException {
        ExtractedArticle a =
                extractor.extract(
                        fixture("news-article.html"),
                        URI.create("https://news.example.com/world/floods?utm_source=x"));

        assertThat(a.outcome()).isEqualTo(ExtractedArticle.Outcome.EXTRACTED);
        assertThat(a.text())
                .isEqualTo(
                        String.join(
                                "\n\n",
                                "Thousands of people were forced to leave their homes on Tuesday"
                                        + " after rivers burst their banks following a week of"
                                        + " heavy rain across the region.",
                                "Emergency services said more than 4,000 households had been"
                                        + " evacuated, and temporary shelters were opened in"
                                        + " schools and sports halls.",
                                "A week of rain",
                                "The national weather service recorded twice the usual March"
                                        + " rainfall in just seven days, with some stations"
                                        + " reporting their wettest week since records began.",
                                "“We have never seen water this high,” said Maria Lopez, who has"
                                        + " lived beside the river for forty years. “Everything on"
                                        + " the ground floor is gone.”",
                                "Schools in the valley will stay closed until Friday at least.",
                                "Rail services between the two cities are suspended.",
                                "The government said it would release emergency funds to the"
                                        + " worst-affected districts by the end of the week."));
        assertThat(a.title()).isEqualTo("Floods force thousands from homes");
        assertThat(a.authors()).containsExactly("Jane Doe");
        assertThat(a.published()).isEqualTo(Instant.parse("2024-03-05T07:30:00Z"));
        assertThat(a.canonicalUrl())
                .isEqualTo(
                        URI.create(
                                "https://news.example.com/world/2024/03/05/floods-force-thousands"));
        assertThat(a.leadImage())
                .isEqualTo(URI.create("https://news.example.com/images/floods.jpg"));
        assertThat(a.siteName()).isEqualTo("The Daily Example");
        assertThat(a.description()).isEqualTo("Rivers burst their banks after a week of rain.");
        assertThat(a.declaredLanguage()).isEqualTo("en-gb");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.links())
                .containsExactly(URI.create("https://news.example.com/world/shelters"));
        assertThat(a.access()).isEqualTo(Access.OPEN);
    }

    @Test
    void readsJsonLdAndFlagsThePaywall() throws IOException {
        ExtractedArticle a =
                extractor.extract(
                        fixture("jsonld-paywalled.html"),
                        URI.create("https://biz.example.com/a/1"));

        assertThat(a.title()).isEqualTo("Markets slide as central bank raises rates");
        assertThat(a.authors()).containsExactly("Ann Smith", "Bob Jones");
        assertThat(a.published()).isEqualTo(Instant.parse("2024-03-05T21:45:00Z"));
        assertThat(a.modified()).isEqualTo(Instant.parse("2024-03-06T14:00:00Z"));
        assertThat(a.siteName()).isEqualTo("Example Business Daily");
        assertThat(a.leadImage()).isEqualTo(URI.create("https://cdn.example.com/markets.jpg"));
        assertThat(a.text())
                .startsWith("Stocks fell sharply on Tuesday")
                .doesNotContain("Subscribe");
        assertThat(a.access()).isEqualTo(Access.PAYWALLED);
    }

    @Test
    void aShortTextBehindASubscribePromptIsPaywalled() {
        String html =
                """
                <html><body><article>
                <p>The minister resigned on Monday evening after weeks of pressure from her own party over the housing scandal.</p>
                </article>
                <div class="offer"><p>To continue reading, subscribe to continue: only 1 EUR for the first month.</p></div>
                </body></html>
                """;
        ExtractedArticle a = extractor.extract(html, URI.create("https://example.org/x"));
        assertThat(a.text()).startsWith("The minister resigned");
        assertThat(a.access()).isEqualTo(Access.PAYWALLED);
    }

    @Test
    void aShortTextBehindARegistrationPromptIsATeaser() {
        String html =
                """
                <html><body><article>
                <p>The minister resigned on Monday evening after weeks of pressure from her own party over the housing scandal.</p>
                <p><a href="/register">Register for free to continue reading</a> our coverage.</p>
                </article></body></html>
                """;
        ExtractedArticle a = extractor.extract(html, URI.create("https://example.org/x"));
        assertThat(a.access()).isEqualTo(Access.TEASER);
    }

    @Test
    void aLongFreeArticleIsOpen() throws IOException {
        ExtractedArticle a =
                extractor.extract(fixture("news-article.html"), URI.create("https://example.org/"));
        assertThat(a.access()).isEqualTo(Access.OPEN);
    }

    @Test
    void chineseText() throws IOException {
        ExtractedArticle a =
                extractor.extract(fixture("chinese.html"), URI.create("https://cn.example.com/1"));

        assertThat(a.text())
                .startsWith("市政府周二宣布了一项新的公共交通计划")
                .contains("\n\n官员表示")
                .endsWith("主要居住区。")
                .doesNotContain("首页")
                .doesNotContain("版权所有");
        assertThat(a.declaredLanguage()).isEqualTo("zh-cn");
        assertThat(a.language()).isEqualTo("zh");
        assertThat(a.published()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
    }

    @Test
    void detectsLanguages() {
        assertThat(
                        detect(
                                "Le gouvernement a annoncé mardi un nouveau plan pour réduire la pollution de l'air dans les grandes villes du pays."))
                .isEqualTo("fr");
        assertThat(
                        detect(
                                "Die Regierung hat am Dienstag einen neuen Plan angekündigt, um die Luftverschmutzung in den großen Städten zu verringern."))
                .isEqualTo("de");
        assertThat(
                        detect(
                                "El gobierno anunció el martes un nuevo plan para reducir la contaminación del aire en las grandes ciudades del país."))
                .isEqualTo("es");
    }

    private String detect(String sentence) {
        String html = "<html><body><article><p>" + sentence + "</p></article></body></html>";
        return extractor.extract(html, URI.create("https://example.org/")).language();
    }

    @Test
    void visibleDateAndTimeElement() {
        String html =
                """
                <html><body><article>
                <div class="meta"><time datetime="2024-03-05T10:00:00+09:00">5 March</time></div>
                <p>A long enough paragraph of text that the extractor will keep as the article body here.</p>
                </article></body></html>
                """;
        assertThat(extractor.extract(html, URI.create("https://example.org/x")).published())
                .isEqualTo(Instant.parse("2024-03-05T01:00:00Z"));

        String visible =
                """
                <html><body><article>
                <div class="post-date">Posted on 5 mars 2024 à 14h30</div>
                <p>A long enough paragraph of text that the extractor will keep as the article body here.</p>
                </article></body></html>
                """;
        assertThat(extractor.extract(visible, URI.create("https://example.org/x")).published())
                .isEqualTo(Instant.parse("2024-03-05T14:30:00Z"));

        String fromUrl =
                "<html><body><p>A long enough paragraph of text to keep as the body.</p></body></html>";
        assertThat(
                        extractor
                                .extract(
                                        fromUrl, URI.create("https://example.org/2023/11/20/story"))
                                .published())
                .isEqualTo(Instant.parse("2023-11-20T00:00:00Z"));
    }

    @Test
    void jsonLdArticleBodyPicksTheRightParagraphs() {
        String body =
                "First paragraph of the real story, which is long enough to count as text. "
                        + "Second paragraph of the real story, which also goes on for a while. "
                        + "Third paragraph of the real story, and then the story ends here. ";
        String html =
                "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                        + "\"articleBody\":\""
                        + body.repeat(4)
                        + "\"}</script></head><body><div>"
                        + "<p>First paragraph of the real story, which is long enough to count as text.</p>"
                        + "<p>An unrelated promotional paragraph that sits in the middle of the story.</p>"
                        + "<p>Second paragraph of the real story, which also goes on for a while.</p>"
                        + "<p>Third paragraph of the real story, and then the story ends here.</p>"
                        + "</div></body></html>";
        ExtractedArticle a = extractor.extract(html, URI.create("https://example.org/"));
        assertThat(a.text())
                .doesNotContain("promotional")
                .contains("First paragraph", "Second paragraph");
    }

    @Test
    void badInputGivesAnErrorOutcomeNotAnException() {
        URI url = URI.create("https://example.org/bad");
        assertThat(extractor.extract("", url).outcome()).isEqualTo(ExtractedArticle.Outcome.EMPTY);
        assertThat(extractor.extract((String) null, url).outcome())
                .isEqualTo(ExtractedArticle.Outcome.EMPTY);
        assertThat(extractor.extract(new byte[0], null, url).outcome())
                .isEqualTo(ExtractedArticle.Outcome.EMPTY);

        byte[] binary = new byte[4096];
        new Random(42).nextBytes(binary);
        assertThat(extractor.extract(binary, null, url).outcome())
                .isEqualTo(ExtractedArticle.Outcome.NOT_HTML);
        assertThat(
                        extractor
                                .extract(new String(binary, StandardCharsets.ISO_8859_1), url)
                                .outcome())
                .isEqualTo(ExtractedArticle.Outcome.NOT_HTML);

        String huge = "<p>" + "x".repeat(ArticleExtractor.MAX_CHARS) + "</p>";
        assertThat(extractor.extract(huge, url).outcome())
                .isEqualTo(ExtractedArticle.Outcome.TOO_LARGE);

        assertThat(extractor.extract("<<<>>><<<", url).outcome())
                .isEqualTo(ExtractedArticle.Outcome.NO_TEXT);
        assertThat(extractor.extract("<html><body></body></html>", null).outcome())
                .isEqualTo(ExtractedArticle.Outcome.NO_TEXT);
    }

    @Test
    void deeplyNestedAndLargePagesDoNotBreakIt() {
        String deep =
                "<div>".repeat(20_000)
                        + "<p>A paragraph buried deep inside many nested elements of a page.</p>"
                        + "</div>".repeat(20_000);
        ExtractedArticle nested = extractor.extract(deep, URI.create("https://example.org/"));
        assertThat(nested.outcome().failed() || nested.text().contains("buried deep")).isTrue();

        String big =
                "<html><body>"
                        + "<p>Many paragraphs of ordinary text make a large but valid page here.</p>"
                                .repeat(40_000)
                        + "</body></html>";
        ExtractedArticle large = extractor.extract(big, URI.create("https://example.org/"));
        assertThat(large.outcome()).isEqualTo(ExtractedArticle.Outcome.EXTRACTED);
    }

    @Test
    void theSiteNameLeavesTheTitle() {
        String html =
                """
                <html><head><meta property="og:title" content="Rates rise again | Example Times">
                <meta property="og:site_name" content="Example Times"></head>
                <body><p>A long enough paragraph of text that the extractor will keep as the body.</p>
                </body></html>
                """;
        assertThat(extractor.extract(html, URI.create("https://example.org/")).title())
                .isEqualTo("Rates rise again");
    }

    @Test
    void bytesWithADeclaredCharset() {
        byte[] latin1 =
                ("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le café était fermé"
                                + " ce matin à cause de la grève générale des employés.</p></body></html>")
                        .getBytes(StandardCharsets.ISO_8859_1);
        ExtractedArticle a = extractor.extract(latin1, null, URI.create("https://example.fr/"));
        assertThat(a.text()).startsWith("Le café était fermé");
    }
}
