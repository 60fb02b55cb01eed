package io.vigil.dedup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A labelled syndication set made from clean article texts: each original is published by its own
 * outlet, carried whole by other outlets in their page furniture, cut to a lead, and lightly edited
 * under a new headline; some copies are fetched again through tracking or AMP links. Hard negatives
 * come with it: every outlet carries many different stories in the same furniture, and originals
 * that share a host share that host's furniture too. Everything is drawn from a fixed seed.
 */
final class SyndicationSet {

    /** The kinds of documents. */
    enum Kind {
        ORIGINAL,
        FURNISHED_COPY,
        LEAD,
        EDITED,
        REFETCH
    }

    /**
     * A generated document.
     *
     * @param article the article as the crawler would publish it
     * @param story the index of its original: the truth
     * @param kind what it is
     */
    record Doc(ArticleFetched article, int story, Kind kind) {}

    /**
     * A clean original.
     *
     * @param url where it was published
     * @param text its body
     */
    record Original(URI url, String text) {}

    private static final int OUTLETS = 24;

    private SyndicationSet() {}

    static List<Original> load(Path groundTruth) throws IOException {
        JsonNode root = Json.mapper().readTree(groundTruth.toFile());
        List<Original> originals = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        root.fieldNames().forEachRemaining(ids::add);
        Collections.sort(ids);
        for (String id : ids) {
            JsonNode entry = root.get(id);
            String text = entry.path("articleBody").asText("");
            String url = entry.path("url").asText("");
            if (!text.isBlank() && !url.isBlank()) {
                originals.add(new Original(URI.create(url.strip()), text));
            }
        }
        return originals;
    }

    /**
     * The documents in arrival order.
     *
     * @param round makes URLs (and draws) of repeated rounds distinct
     */
    static List<Doc> generate(List<Original> originals, long seed, int round) {
        SplittableRandom random = new SplittableRandom(seed * 31 + round);
        List<Furniture> outlets = new ArrayList<>();
        for (int i = 0; i < OUTLETS; i++) {
            outlets.add(
                    Furniture.of(
                            String.format(Locale.ROOT, "Outlet %02d News", i + 1), random.split()));
        }
        Map<String, Furniture> hostFurniture = new HashMap<>();
        Map<String, Integer> perHost = new HashMap<>();
        for (Original o : originals) {
            perHost.merge(o.url().getHost(), 1, Integer::sum);
        }
        List<String> headlines = new ArrayList<>();
        for (Original o : originals) {
            headlines.add(Variants.headline(o.text(), false, random));
        }
        Instant base = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(round * 86_400L);
        List<Doc> docs = new ArrayList<>();
        for (int s = 0; s < originals.size(); s++) {
            Original o = originals.get(s);
            String host = o.url().getHost();
            // originals of a host that publishes several share that host's furniture
            String originalText = o.text();
            if (perHost.get(host) > 1 || random.nextBoolean()) {
                Furniture own =
                        hostFurniture.computeIfAbsent(
                                host, h -> Furniture.of(h + " Online", random.split()));
                originalText = own.dress(o.text(), headlines, random);
            }
            URI originalUrl = round == 0 ? o.url() : URI.create(o.url() + "-r" + round);
            docs.add(doc(originalUrl, host, originalText, o.text(), false, s, Kind.ORIGINAL, base));
            List<Integer> carriers = distinct(random, 2 + random.nextInt(3));
            for (int c = 0; c < carriers.size(); c++) {
                Furniture outlet = outlets.get(carriers.get(c));
                Kind kind = c == 0 ? Kind.LEAD : c == 1 ? Kind.EDITED : Kind.FURNISHED_COPY;
                String body =
                        switch (kind) {
                            case LEAD -> Variants.lead(o.text(), random);
                            case EDITED -> Variants.edit(o.text(), random);
                            default -> o.text();
                        };
                String text =
                        kind == Kind.LEAD && random.nextBoolean()
                                ? body + "\n\nRead the full story at " + host
                                : outlet.dress(body, headlines, random);
                URI url = outletUrl(outlet, s, round, c);
                docs.add(
                        doc(
                                url,
                                outlet.name(),
                                text,
                                o.text(),
                                kind == Kind.EDITED,
                                s,
                                kind,
                                base));
                if (random.nextInt(10) == 0) {
                    URI again = URI.create(url + "?utm_source=twitter&utm_medium=social&amp=1");
                    docs.add(
                            doc(
                                    again,
                                    outlet.name(),
                                    text,
                                    o.text(),
                                    false,
                                    s,
                                    Kind.REFETCH,
                                    base));
                }
            }
        }
        Collections.shuffle(docs, new Random(random.nextLong()));
        List<Doc> timed = new ArrayList<>(docs.size());
        Iterator<Doc> it = docs.iterator();
        for (int i = 0; it.hasNext(); i++) {
            Doc d = it.next();
            timed.add(new Doc(at(d.article(), base.plusSeconds(i)), d.story(), d.kind()));
        }
        return timed;
    }

    private static List<Integer> distinct(SplittableRandom random, int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < OUTLETS; i++) {
            all.add(i);
        }
        Collections.shuffle(all, new Random(random.nextLong()));
        return all.subList(0, n);
    }

    private static URI outletUrl(Furniture outlet, int story, int round, int copy) {
        String host =
                outlet.name().toLowerCase(Locale.ROOT).replace(" news", "").replace(' ', '-')
                        + ".example";
        return URI.create(
                String.format(
                        Locale.ROOT,
                        "https://www.%s/world/story-%d-%d-%d.html",
                        host,
                        story,
                        round,
                        copy));
    }

    private static Doc doc(
            URI url,
            String site,
            String text,
            String original,
            boolean newHeadline,
            int story,
            Kind kind,
            Instant time) {
        SplittableRandom r = new SplittableRandom(url.hashCode());
        ArticleFetched a =
                new ArticleFetched(
                        ArticleFetched.SCHEMA,
                        io.vigil.core.url.ArticleIds.of(url),
                        null,
                        url,
                        url,
                        url,
                        Variants.headline(original, newHeadline, r),
                        text,
                        List.of(),
                        time,
                        null,
                        "en",
                        null,
                        null,
                        site,
                        null,
                        List.of(),
                        ArticleFetched.Access.OPEN,
                        null,
                        new ArticleFetched.Fetch(200, "text/html", text.length(), time, null));
        return new Doc(a, story, kind);
    }

    /** The same article fetched at {@code time}. */
    static ArticleFetched at(ArticleFetched a, Instant time) {
        return new ArticleFetched(
                a.schema(),
                a.articleId(),
                a.feedId(),
                a.url(),
                a.finalUrl(),
                a.canonicalUrl(),
                a.title(),
                a.text(),
                a.authors(),
                a.published(),
                a.modified(),
                a.language(),
                a.declaredLanguage(),
                a.leadImage(),
                a.siteName(),
                a.description(),
                a.links(),
                a.access(),
                a.feedSummary(),
                new ArticleFetched.Fetch(
                        a.fetch().status(),
                        a.fetch().contentType(),
                        a.fetch().bytes(),
                        time,
                        a.fetch().sha256()));
    }
}
