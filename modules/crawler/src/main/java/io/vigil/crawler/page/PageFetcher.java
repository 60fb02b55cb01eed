package io.vigil.crawler.page;

import io.vigil.core.event.ArticleFetched;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.event.FeedEntryDiscovered;
import io.vigil.core.url.ArticleIds;
import io.vigil.core.url.UrlCanonicalizer;
import io.vigil.crawler.http.FetchOutcome;
import io.vigil.crawler.http.FetchRequest;
import io.vigil.crawler.http.FetchResult;
import io.vigil.crawler.http.HttpFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a discovered entry into an article: fetch the page through the crawler's HTTP layer (same
 * politeness, limits and address checks as feeds), follow an AMP page to its canonical page,
 * extract, and fill in what the page lacks from the feed entry. A page that cannot be fetched or
 * extracted becomes a dead letter with its reason, never silence.
 */
public final class PageFetcher {

    /** The stage name in dead letters and their topic. */
    public static final String STAGE = "crawler";

    private static final String VERSION = "page-1";
    private static final Pattern AMP_HTML =
            Pattern.compile("<html[^>]*\\s(amp|\u26a1)(\\s|=|>)", Pattern.CASE_INSENSITIVE);

    private final HttpFetcher fetcher;
    private final ArticleExtractor extractor;
    private final Clock clock;

    public PageFetcher(HttpFetcher fetcher, ArticleExtractor extractor, Clock clock) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.clock = clock;
    }

    /** Either an article or a dead letter. */
    public sealed interface Result permits Fetched, Failed {}

    /** The article, keyed by its id. */
    public record Fetched(ArticleFetched article) implements Result {}

    /** Why the entry yielded no article. */
    public record Failed(DeadLetter deadLetter) implements Result {}

    public Result fetch(FeedEntryDiscovered entry, String inputJson) {
        FetchResult page = fetcher.fetch(FetchRequest.of(entry.url()));
        if (page.outcome() != FetchOutcome.OK) {
            return failed(entry, inputJson, "FETCH_" + page.outcome(), page.detail());
        }
        ExtractedArticle extracted =
                extractor.extract(page.body(), page.charset(), page.finalUrl());
        if (extracted.canonicalUrl() != null && isAmp(page.body())) {
            FetchResult canonical = fetcher.fetch(FetchRequest.of(extracted.canonicalUrl()));
            if (canonical.outcome() == FetchOutcome.OK) {
                ExtractedArticle full =
                        extractor.extract(
                                canonical.body(), canonical.charset(), canonical.finalUrl());
                if (full.outcome() == ExtractedArticle.Outcome.EXTRACTED) {
                    page = canonical;
                    extracted = full;
                }
            }
        }
        if (extracted.outcome() != ExtractedArticle.Outcome.EXTRACTED) {
            return failed(
                    entry,
                    inputJson,
                    "EXTRACT_" + extracted.outcome(),
                    "no article text at " + page.finalUrl());
        }
        return new Fetched(article(entry, page, extracted));
    }

    private ArticleFetched article(
            FeedEntryDiscovered entry, FetchResult page, ExtractedArticle x) {
        URI canonical =
                UrlCanonicalizer.canonicalize(
                        x.canonicalUrl() != null ? x.canonicalUrl() : page.finalUrl());
        return new ArticleFetched(
                ArticleFetched.SCHEMA,
                ArticleIds.of(canonical),
                entry.feedId(),
                entry.url(),
                page.finalUrl(),
                canonical,
                x.title() != null ? x.title() : entry.title(),
                x.text(),
                x.authors().isEmpty() ? entry.authors() : x.authors(),
                x.published() != null ? x.published() : entry.published(),
                x.modified(),
                x.language() != null ? x.language() : entry.language(),
                x.declaredLanguage(),
                x.leadImage(),
                x.siteName(),
                x.description(),
                x.links(),
                x.access(),
                entry.summary(),
                new ArticleFetched.Fetch(
                        page.status(),
                        page.contentType(),
                        page.body().length,
                        clock.instant(),
                        sha256(page.body())));
    }

    private Failed failed(FeedEntryDiscovered entry, String input, String reason, String detail) {
        return new Failed(
                new DeadLetter(
                        DeadLetter.SCHEMA,
                        STAGE,
                        VERSION,
                        null,
                        entry.host(),
                        input,
                        reason,
                        entry.url() + ": " + detail,
                        clock.instant()));
    }

    static boolean isAmp(byte[] body) {
        int n = Math.min(body.length, 4096);
        String head = new String(body, 0, n, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return AMP_HTML.matcher(head).find();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
