package io.vigil.dedup.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An outlet's page furniture as extraction lets it through: a navigation line before the text;
 * newsletter, social, copyright and syndication lines and a "related stories" box after it. The
 * fixed lines are the outlet's own (every article of the outlet has them); the related headlines
 * change from article to article.
 */
final class Furniture {

    private static final String[] SECTIONS = {
        "Home", "World", "Politics", "Business", "Tech", "Science", "Health", "Sports", "Opinion",
        "Video", "Podcasts", "Culture", "Climate", "Local", "Markets", "Travel", "Style", "Books"
    };

    private static final String[] FOOTERS = {
        "Sign up for the %s newsletter to get the day's top stories delivered to your inbox every"
                + " morning.",
        "Follow %s on Facebook, Twitter and Instagram for breaking news and analysis.",
        "© %d %s Media Group. All rights reserved. This material may not be published, broadcast,"
                + " rewritten or redistributed.",
        "Privacy Policy | Terms of Use | Cookie Settings | Contact Us | Advertise with %s",
        "Support independent journalism: subscribe to %s today for unlimited access to every"
                + " story on any device.",
        "Have a news tip? Contact the %s newsroom securely.",
        "This article was distributed by a news agency and republished by %s with permission.",
        "Download the %s app for the latest headlines, live coverage and alerts.",
    };

    private final String name;
    private final List<String> before;
    private final List<String> after;
    private final int related;

    private Furniture(String name, List<String> before, List<String> after, int related) {
        this.name = name;
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
        this.related = related;
    }

    /** The fixed furniture of an outlet named {@code name}, drawn from {@code random}. */
    static Furniture of(String name, SplittableRandom random) {
        List<String> before = new ArrayList<>();
        StringBuilder nav = new StringBuilder(name);
        int sections = 5 + random.nextInt(6);
        int start = random.nextInt(SECTIONS.length);
        for (int i = 0; i < sections; i++) {
            nav.append(" | ").append(SECTIONS[(start + i * 5) % SECTIONS.length]);
        }
        before.add(nav.toString());
        if (random.nextBoolean()) {
            before.add("Breaking news from " + name + " | Live updates | Subscribe");
        }
        List<String> after = new ArrayList<>();
        int footers = 2 + random.nextInt(4);
        int first = random.nextInt(FOOTERS.length);
        for (int i = 0; i < footers; i++) {
            String template = FOOTERS[(first + i * 3) % FOOTERS.length];
            after.add(
                    template.contains("%d")
                            ? String.format(Locale.ROOT, template, 2026, name)
                            : String.format(Locale.ROOT, template, name));
        }
        return new Furniture(name, before, after, 2 + random.nextInt(4));
    }

    String name() {
        return name;
    }

    /**
     * {@code text} dressed in this outlet's furniture.
     *
     * @param headlines headlines of other stories, for the related-stories box
     */
    String dress(String text, List<String> headlines, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (String line : before) {
            out.append(line).append("\n\n");
        }
        out.append(text);
        out.append("\n\nRelated stories");
        for (int i = 0; i < related && !headlines.isEmpty(); i++) {
            out.append("\n\n").append(headlines.get(random.nextInt(headlines.size())));
        }
        for (String line : after) {
            out.append("\n\n").append(line);
        }
        return out.toString();
    }
}
