package io.vigil.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Alert queries that both the alert matcher's test against Lucene ({@code CompiledQueryTest}) and
 * its test against Elasticsearch ({@code AlertEquivalenceIT}) check: terms, phrases, fields,
 * booleans, prefixes, fuzzy and wildcard terms, in eight languages. Each test adds its own.
 */
public final class AlertQueries {

    public static final List<String> SHARED =
            List.of(
                    "organ",
                    "organs",
                    "harvesting",
                    "organ harvesting",
                    "\"organ harvesting\"",
                    "\"forced organ harvesting\"",
                    "\"harvesting organ\"",
                    "\"organ transplant\"~3",
                    "tribunal AND china",
                    "tribunal OR parliament",
                    "tribunal -china",
                    "tribunal NOT london",
                    "+uyghur +camps",
                    "(organ OR organs) AND (tribunal OR hospital)",
                    "transplant*",
                    "detain*",
                    "h?spital",
                    "persecut*",
                    "falun gong",
                    "\"falun gong\"",
                    "title:tribunal",
                    "text:prisoners",
                    "the tribunal",
                    "Xinjiang",
                    "xinjiang camps",
                    "tribunal~",
                    "hospitl~1",
                    "器官",
                    "摘取器官",
                    "\"强制摘取\"",
                    "法轮功",
                    "新疆",
                    "器官 OR 臓器",
                    "臓器移植",
                    "장기",
                    "\"장기 적출\"",
                    "prélèvement",
                    "organes",
                    "Organentnahme",
                    "órganos",
                    "органов",
                    "language:zh",
                    "language:en AND tribunal",
                    "outlet:Wire",
                    "countries:CN",
                    "topics:organ-harvesting",
                    "tribunal AND NOT (london OR geneva)",
                    "/tribun.*/",
                    "rain",
                    "-tribunal",
                    "organ (-tribunal)",
                    "language:fr OR 器官");

    private AlertQueries() {}

    /** {@link #SHARED} followed by {@code more}. */
    public static List<String> sharedAnd(String... more) {
        List<String> all = new ArrayList<>(SHARED);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
