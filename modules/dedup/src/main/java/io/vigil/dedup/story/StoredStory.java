package io.vigil.dedup.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A story as the stage knows it.
 *
 * @param representative the article id of its first-seen member (also the story id)
 * @param members how many distinct articles joined it
 * @param outlets the outlets that carried it, in order of first appearance
 * @param seenAt when a member last arrived, epoch milliseconds (drives expiry)
 */
public record StoredStory(String representative, int members, List<String> outlets, long seenAt) {

    public StoredStory {
        Objects.requireNonNull(representative, "representative");
        outlets = List.copyOf(outlets);
    }

    /** This story with one more member from {@code outlet}. */
    StoredStory with(String outlet, long now, int maxOutlets) {
        List<String> more = outlets;
        if (outlets.size() < maxOutlets && !carriedBy(outlet)) {
            more = new ArrayList<>(outlets);
            more.add(outlet);
        }
        return new StoredStory(representative, members + 1, more, now);
    }

    private boolean carriedBy(String outlet) {
        String lower = outlet.toLowerCase(Locale.ROOT);
        for (String o : outlets) {
            if (o.toLowerCase(Locale.ROOT).equals(lower)) {
                return true;
            }
        }
        return false;
    }
}
