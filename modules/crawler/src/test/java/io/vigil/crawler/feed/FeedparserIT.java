package io.vigil.crawler.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code vigil bench feedparser} on {@code ../shared/data/feedparser-tests}: no crash or hang
 * on any file, at least 1,500 expectations checked, at least 95 % of them passed. Skipped (with a
 * message) when the data is not there.
 */
class FeedparserIT {

    @Test
    void parsesFeedparsersEdgeCases() {
        Path data = FeedparserCase.findDefaultData();
        if (data == null) {
            System.out.println("FeedparserIT skipped: ../shared/data/feedparser-tests not found");
        }
        Assumptions.assumeTrue(data != null, "feedparser test data not found");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        FeedparserBenchmark.Totals totals = FeedparserBenchmark.measure(data, out, false);
        System.out.println(buffer.toString(StandardCharsets.UTF_8));
        System.out.println(totals.line());

        assertThat(totals.crashes()).as("crashes").isZero();
        assertThat(totals.hangs()).as("hangs").isZero();
        assertThat(totals.checked()).as("expectations checked").isGreaterThanOrEqualTo(1500);
        assertThat((double) totals.passed() / totals.checked())
                .as("share passed")
                .isGreaterThanOrEqualTo(0.95);
    }
}
