package io.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.vigil.core.alert.Alert;
import io.vigil.core.alert.AlertDelivery;
import io.vigil.core.alert.AlertDelivery.Kind;
import io.vigil.core.build.SuppressForbidden;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.kafka.Topics;
import io.vigil.testkit.ClassifiedArticles;
import io.vigil.testkit.TestNamespace;
import io.vigil.testkit.TopicReader;
import io.vigil.testkit.TopicWriter;
import io.vigil.testkit.VigilStack;
import io.vigil.testkit.VigilStackExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The end-to-end test on the real broker: five syndicated copies of one story and unrelated
 * articles give exactly one email (GreenMail) and one signed webhook for the story, also when the
 * stage is stopped after the first copies and started again on a fresh state directory; an alert
 * whose webhook is dead records a failure and costs the other alert nothing.
 */
@ExtendWith(VigilStackExtension.class)
@SuppressForbidden(reason = "the JDK's HttpServer is the webhook receiver of the test")
class AlertingStageIT {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant T = Instant.parse("2026-01-12T09:00:00Z");
    private static final String SECRET = "s3cret";

    private final List<Received> webhooks = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private AlertingStage stage;

    record Received(String body, String signature, String delivery) {}

    @AfterEach
    void stop() {
        if (stage != null) {
            stage.stop();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void oneEmailAndOneWebhookPerStoryAcrossARestart(VigilStack stack, TestNamespace ns)
            throws Exception {
        Topics topics = ns.topics();
        ns.createTopics(
                3,
                topics.articlesClassified(),
                topics.alerts(),
                topics.alertDeliveries(),
                topics.deadLetters("alerting"));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext(
                "/hook",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    webhooks.add(
                            new Received(
                                    new String(body, StandardCharsets.UTF_8),
                                    exchange.getRequestHeaders().getFirst("X-Vigil-Signature"),
                                    exchange.getRequestHeaders().getFirst("X-Vigil-Delivery")));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        receiver.start();
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        Alert organs =
                alert(
                        "organs",
                        "\"organ harvesting\"",
                        new Alert.Delivery(
                                new Alert.Email(List.of("ngo@example.org"), null, null, null, null),
                                new Alert.Webhook(hook, SECRET, null),
                                null));
        Alert dead =
                alert(
                        "dead-hook",
                        "tribunal",
                        new Alert.Delivery(
                                null,
                                new Alert.Webhook(
                                        URI.create("http://127.0.0.1:" + closedPort() + "/x"),
                                        null,
                                        null),
                                null));
        TopicWriter.write(
                stack, topics.alerts(), Alert.class, List.of(organs, dead), Alert::id, null);

        ClassifiedArticles wire = copy("https://wire.example/organs", "Wire");
        List<ArticleClassified> first =
                List.of(
                        wire.build(),
                        unrelated("https://weather.example/rain", "Rain all week"),
                        copy("https://daily.example/a", "Daily").story(wire.id()).build(),
                        unrelated("https://sport.example/cup", "The cup final"));
        List<ArticleClassified> later =
                List.of(
                        copy("https://herald.example/b", "Herald").story(wire.id()).build(),
                        unrelated("https://markets.example/x", "Markets rally"),
                        copy("https://post.example/c", "Post").story(wire.id()).build(),
                        copy("https://times.example/d", "Times").story(wire.id()).build());

        try (TopicReader<AlertDelivery> log =
                new TopicReader<>(stack, topics.alertDeliveries(), AlertDelivery.class)) {
            stage = start(stack, topics, ns, "a");
            write(stack, topics, first);
            // organs: MATCHED, ALSO_CARRIED, SENT email, SENT webhook; dead-hook: MATCHED,
            // ALSO_CARRIED, FAILED webhook
            List<AlertDelivery> got = log.await(7);
            assertThat(got)
                    .filteredOn(d -> d.kind() == Kind.FAILED)
                    .singleElement()
                    .satisfies(d -> assertThat(d.alertId()).isEqualTo("dead-hook"));
            stage.stop();

            stage = start(stack, topics, ns, "b");
            write(stack, topics, later);
            List<AlertDelivery> after = log.await(6);
            assertThat(after).allMatch(d -> d.kind() == Kind.ALSO_CARRIED);
            assertThat(after.get(after.size() - 1).alsoCarriedBy()).hasSize(5);
            log.expectNoMore(Duration.ofSeconds(3));
        }

        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).contains("Forced organ harvesting continues");
        assertThat(webhooks).hasSize(1);
        Received w = webhooks.get(0);
        assertThat(w.delivery()).isEqualTo(AlertDelivery.idOf("organs", wire.id()));
        assertThat(w.signature())
                .isEqualTo("sha256=" + io.vigil.alerting.notify.Signatures.sign(SECRET, w.body()));
        assertThat(w.body()).contains("\"storyId\":\"" + wire.id() + "\"");
    }

    private AlertingStage start(VigilStack stack, Topics topics, TestNamespace ns, String run) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(SMTP.getSmtp().getPort());
        AlertingProperties settings =
                AlertingProperties.defaults()
                        .withApplication(
                                ns.prefix() + "alerting",
                                Path.of("target", "alerting-it", ns.prefix() + run),
                                ns.prefix() + "sender")
                        .withRetries(2, Duration.ofMillis(100));
        // Kafka Streams members do not leave their group on close: the broker's minimum session
        // time-out lets the restarted stage take over in seconds rather than 45.
        Map<String, Object> client =
                Map.of("session.timeout.ms", 6000, "heartbeat.interval.ms", 1000);
        AlertingStage s =
                new AlertingStage(
                        settings,
                        topics,
                        List.of(stack.kafkaBootstrapServers()),
                        client,
                        mail,
                        Clock.systemUTC());
        s.start();
        return s;
    }

    private static void write(VigilStack stack, Topics topics, List<ArticleClassified> articles) {
        TopicWriter.write(
                stack,
                topics.articlesClassified(),
                ArticleClassified.class,
                articles,
                ArticleClassified::articleId,
                null);
    }

    private static Alert alert(String id, String query, Alert.Delivery delivery) {
        return new Alert(
                Alert.SCHEMA,
                id,
                "ngo@example.org",
                id,
                query,
                null,
                delivery,
                false,
                null,
                T,
                null);
    }

    private static ClassifiedArticles copy(String url, String site) {
        return ClassifiedArticles.article(url)
                .site(site)
                .title("Forced organ harvesting continues, tribunal finds")
                .text(
                        "Forced organ harvesting from prisoners of conscience continues, an"
                                + " independent tribunal found.")
                .published(T)
                .fetchedAt(T.plusSeconds(60));
    }

    private static ArticleClassified unrelated(String url, String title) {
        return ClassifiedArticles.article(url).title(title).text(title + " today.").build();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
