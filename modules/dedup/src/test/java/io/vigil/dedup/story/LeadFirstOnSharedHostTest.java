package io.vigil.dedup.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleFetched;
import io.vigil.dedup.DedupProperties;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What split DemoPipelineIT's wire story under load, without Kafka, caches or aborts: the demo site
 * serves its five outlets from one host (127.0.0.1:8089), so {@link HostFurniture} sees them as one
 * outlet. When the truncated copy (a three-paragraph lead) was the first wire copy seen, its
 * paragraphs became that host's "furniture"; the full copies that followed lost them (under 90 % of
 * their text, so not a republication) and what was left no longer matched the lead: two stories.
 * Shuffling the demo's twelve articles 2,000 times split the story in 490 orders, every one with
 * the lead first. A paragraph is now furniture only once {@link Boilerplate#SEEN_BEFORE} earlier
 * articles of the host had it.
 */
class LeadFirstOnSharedHostTest {

    private static final String[] WIRE = {
        "GENEVA — A group of United Nations human rights experts said on Tuesday they were extremely"
                + " alarmed by reports of forced organ harvesting targeting detainees from ethnic,"
                + " linguistic and religious minorities in China.",
        "The experts said they had received credible information that detainees, including Falun"
                + " Gong practitioners, Uyghurs, Tibetans, Muslims and Christians, may be forcibly"
                + " subjected to blood tests and organ examinations such as ultrasound and X-rays"
                + " without their informed consent.",
        "Other prisoners, they said, are not required to undergo such examinations. The results are"
                + " reportedly registered in a database of living organ sources that facilitates"
                + " organ allocation.",
        "The experts called on the authorities to respond promptly to the allegations and to allow"
                + " independent monitoring by international human rights mechanisms.",
        "A spokesperson for the Chinese mission in Geneva rejected the claims as groundless and said"
                + " the country's organ donation system complied with international standards."
    };

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void fullCopyFirstThenLeadIsOneStory() {
        assertThat(storiesOf(full("courier"), lead("monitor"))).isEqualTo(1);
    }

    @Test
    void leadFirstThenFullCopyOnTheSameHostIsOneStory() {
        assertThat(storiesOf(lead("monitor"), full("courier"))).isEqualTo(1);
    }

    private static long storiesOf(ArticleFetched first, ArticleFetched second) {
        DedupProperties settings = DedupProperties.defaults();
        InMemoryDedupState state = new InMemoryDedupState();
        Fingerprinter fingerprinter = new Fingerprinter(settings, state);
        Deduplicator deduplicator = new Deduplicator(settings, state);
        long now = T0.toEpochMilli();
        ArticleAccepted a = deduplicator.accept(first, fingerprinter.fingerprint(first, now), now);
        ArticleAccepted b =
                deduplicator.accept(
                        second, fingerprinter.fingerprint(second, now + 1000), now + 1000);
        return List.of(a.storyId(), b.storyId()).stream().distinct().count();
    }

    /** Outlets on one host and port, as on the demo site. */
    private static ArticleFetched full(String outlet) {
        return Texts.article(
                "http://127.0.0.1:8089/" + outlet + "/un-experts.html",
                outlet,
                String.join("\n\n", WIRE),
                T0);
    }

    private static ArticleFetched lead(String outlet) {
        return Texts.article(
                "http://127.0.0.1:8089/" + outlet + "/un-experts.html",
                outlet,
                String.join("\n\n", List.of(WIRE).subList(0, 3)),
                T0);
    }
}
