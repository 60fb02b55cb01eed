package io.vigil.dedup.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleFetched;
import io.vigil.dedup.DedupProperties;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The cause of DemoPipelineIT's split wire story, reproduced without Kafka, caches or aborts: the
 * demo site serves its five outlets from one host (127.0.0.1:8089), so {@link HostFurniture} sees
 * them as one outlet. When the truncated copy (Rights Monitor's three-paragraph lead) is the first
 * wire copy the stage sees, its paragraphs become that host's "furniture"; the full copies that
 * follow contain them, but under 90 % of their text, so they are stripped as furniture and what is
 * left no longer matches the lead: two stories. Any other order gives one story (the lead is then
 * wholly "seen" and kept as a republication). Under load the crawler's order changes, which is why
 * the test failed only on loaded CI. Shuffling the demo's twelve articles 2,000 times split the
 * story in 490 orders, every one with the lead first.
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
    @Disabled(
            "known, not fixed: a lead seen first makes the full copies on the same host lose its"
                    + " paragraphs as furniture (see the class comment and the module README)")
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
