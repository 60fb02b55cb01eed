package io.vigil.classifier;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.feed.Feed;
import io.vigil.core.url.ArticleIds;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Test articles and feeds. */
public final class Articles {

    private Articles() {}

    public static ArticleAccepted accepted(String url, String feedId, String title, String text) {
        URI uri = URI.create(url);
        String id = ArticleIds.of(uri);
        ArticleFetched fetched =
                new ArticleFetched(
                        ArticleFetched.SCHEMA,
                        id,
                        feedId,
                        uri,
                        uri,
                        uri,
                        title,
                        text,
                        List.of(),
                        Instant.parse("2026-11-20T10:00:00Z"),
                        null,
                        null,
                        null,
                        null,
                        uri.getHost(),
                        null,
                        List.of(),
                        ArticleFetched.Access.OPEN,
                        null,
                        new ArticleFetched.Fetch(
                                200,
                                "text/html",
                                text.length(),
                                Instant.parse("2026-11-20T10:05:00Z"),
                                null));
        return new ArticleAccepted(
                ArticleAccepted.SCHEMA,
                id,
                fetched,
                ArticleAccepted.Outcome.NEW_STORY,
                id,
                null,
                1.0,
                id,
                1,
                List.of(uri.getHost()));
    }

    public static Feed feed(String id, String country) {
        return new Feed(
                Feed.SCHEMA,
                id,
                URI.create("https://feeds.example.org/" + id + ".xml"),
                "Feed " + id,
                country,
                "en",
                List.of(),
                null);
    }
}
