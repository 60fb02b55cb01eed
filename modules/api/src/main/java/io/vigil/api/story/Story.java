package io.vigil.api.story;

import io.vigil.api.search.ArticleHit;
import java.time.Instant;
import java.util.List;

/**
 * A story: the copies of one piece of journalism across outlets, from the indexed articles.
 *
 * @param id the story id (the article id of its first-seen member)
 * @param memberCount how many articles the story has
 * @param outlets the outlets that carried it, earliest first
 * @param first the earliest member's time
 * @param last the latest member's time
 * @param members the members, earliest first (at most {@code vigil.api.max-story-members})
 */
public record Story(
        String id,
        long memberCount,
        List<String> outlets,
        Instant first,
        Instant last,
        List<ArticleHit> members) {

    public Story {
        outlets = List.copyOf(outlets);
        members = List.copyOf(members);
    }
}
