package io.vigil.crawler.feed;

/** The syndication format a document turned out to be. */
public enum FeedFormat {
    RSS_090,
    RSS_091,
    RSS_092,
    RSS_093,
    RSS_094,
    RSS_100,
    RSS_200,
    ATOM_03,
    ATOM_10,
    JSON_FEED,
    SITEMAP,
    SITEMAP_INDEX,
    NEWS_SITEMAP,
    /** Not recognised (see the outcome). */
    UNKNOWN;

    /** From Rome's feed type names ({@code rss_2.0}, {@code atom_1.0}, ...). */
    static FeedFormat fromRomeType(String type) {
        if (type == null) {
            return UNKNOWN;
        }
        return switch (type) {
            case "rss_0.9" -> RSS_090;
            case "rss_0.91N", "rss_0.91U" -> RSS_091;
            case "rss_0.92" -> RSS_092;
            case "rss_0.93" -> RSS_093;
            case "rss_0.94" -> RSS_094;
            case "rss_1.0" -> RSS_100;
            case "rss_2.0" -> RSS_200;
            case "atom_0.3" -> ATOM_03;
            case "atom_1.0" -> ATOM_10;
            default -> UNKNOWN;
        };
    }
}
