package io.vigil.alerting.stream;

import java.time.Instant;
import java.util.List;

/**
 * What an alert has had of a story (the store {@code alerting-stories}, keyed by delivery id): the
 * articles seen, the outlets that carried them, when it was first delivered and last seen.
 *
 * @param articleIds the story's articles that matched, first first (at most {@link #MAX_ARTICLES})
 * @param outlets their outlets, first first, each once
 * @param firstAt when the story was first matched (and delivered)
 * @param lastAt when a copy last matched
 */
public record StorySeen(
        List<String> articleIds, List<String> outlets, Instant firstAt, Instant lastAt) {

    /** Articles remembered per story; later copies still join the outlets. */
    static final int MAX_ARTICLES = 200;

    public StorySeen {
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
    }
}
