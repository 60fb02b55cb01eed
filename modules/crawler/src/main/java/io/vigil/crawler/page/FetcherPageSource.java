package io.vigil.crawler.page;

import io.vigil.crawler.http.FetchOutcome;
import io.vigil.crawler.http.FetchRequest;
import io.vigil.crawler.http.FetchResult;
import io.vigil.crawler.http.HttpFetcher;
import java.io.IOException;
import java.net.URI;

/**
 * {@code vigil extract}'s pages through the crawler's one HTTP layer: the same politeness,
 * robots.txt, limits and address checks as the pipeline.
 */
final class FetcherPageSource implements PageSource {

    private final HttpFetcher fetcher;

    FetcherPageSource(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public Fetched fetch(URI url) throws IOException {
        FetchResult result = fetcher.fetch(FetchRequest.of(url));
        if (result.outcome() == FetchOutcome.OK || result.status() > 0) {
            return new Fetched(
                    result.finalUrl(), result.status(), result.contentType(), result.body());
        }
        throw new IOException(result.outcome() + ": " + result.detail());
    }
}
