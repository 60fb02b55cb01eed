package io.vigil.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class RobotsCacheTest {

    private final MutableClock clock = new MutableClock();
    private final Deque<RobotsResponse> answers = new ArrayDeque<>();
    private int loads;
    private final RobotsCache cache =
            new RobotsCache(
                    "Vigil",
                    Duration.ofHours(1),
                    Duration.ofSeconds(30),
                    url -> {
                        loads++;
                        return answers.isEmpty() ? unavailable() : answers.poll();
                    },
                    clock);

    private static RobotsResponse fetched(String body) {
        return new RobotsResponse(
                RobotsResponse.Availability.FETCHED,
                body.getBytes(StandardCharsets.UTF_8),
                "text/plain",
                null);
    }

    private static RobotsResponse unavailable() {
        return new RobotsResponse(RobotsResponse.Availability.UNAVAILABLE, null, null, "404");
    }

    private static RobotsResponse unreachable() {
        return new RobotsResponse(RobotsResponse.Availability.UNREACHABLE, null, null, "503");
    }

    @Test
    void appliesOurGroupAndCapsCrawlDelay() {
        answers.add(
                fetched(
                        "User-agent: *\nDisallow: /\n\nUser-agent: vigil\nDisallow: /admin\n"
                                + "Crawl-delay: 600\n"));

        RobotsVerdict admin = cache.check(URI.create("https://example.org/admin/x"));
        RobotsVerdict feed = cache.check(URI.create("https://example.org/feed.xml"));

        assertThat(admin.allowed()).isFalse();
        assertThat(feed.allowed()).isTrue();
        assertThat(feed.crawlDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(loads).isEqualTo(1);
    }

    @Test
    void cachesPerOriginUntilTheTtlExpires() {
        answers.add(fetched("User-agent: *\nDisallow: /a\n"));
        answers.add(fetched("User-agent: *\nDisallow: /b\n"));

        assertThat(cache.check(URI.create("https://example.org/a")).allowed()).isFalse();
        assertThat(cache.check(URI.create("http://example.org/a")).allowed()).isTrue();
        clock.advance(Duration.ofMinutes(61));
        assertThat(cache.check(URI.create("https://example.org/a")).allowed()).isTrue();
        assertThat(loads).isEqualTo(3);
    }

    @Test
    void unreachableDisallowsAllUnlessAnEarlierCopyExists() {
        answers.add(unreachable());
        RobotsVerdict down = cache.check(URI.create("https://down.example/feed"));
        assertThat(down.allowed()).isFalse();
        assertThat(down.unreachable()).isTrue();

        answers.add(fetched("User-agent: *\nDisallow: /private\n"));
        clock.advance(Duration.ofMinutes(11));
        assertThat(cache.check(URI.create("https://down.example/feed")).allowed()).isTrue();

        clock.advance(Duration.ofHours(2));
        answers.add(unreachable());
        assertThat(cache.check(URI.create("https://down.example/feed")).allowed()).isTrue();
        assertThat(cache.check(URI.create("https://down.example/private")).allowed()).isFalse();
    }

    @Test
    void unavailableAllowsEverything() {
        answers.add(unavailable());
        assertThat(cache.check(URI.create("https://example.org/anything")).allowed()).isTrue();
    }
}
