package io.vigil.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.app.VigilApplication;
import io.vigil.core.event.FeedEntryDiscovered;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.crawler.http.LoopbackHttpServer;
import io.vigil.embedded.EmbeddedStack;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole pipeline in the benchmark's JVM: the app with the crawler (page fetching only: no
 * feeds), pipeline (dedup, classifier) and indexer roles on the benchmark's stack, pages served by
 * a local HTTP server on two host names (127.0.0.1 and localhost, each with its own politeness),
 * entries published to the discovered-entries topic. Measures the rate from publishing entries to
 * all articles searchable, then at a steady rate the delay from each page's fetch (its {@code
 * fetchedAt}) to the moment a search finds it.
 */
final class FullPipeline implements AutoCloseable {

    static final String ALIAS = "bench-full";
    private static final Topics TOPICS = new Topics("bench-full.");

    private final BenchCorpus corpus;
    private final ElasticsearchClient client;
    private final LoopbackHttpServer pages;
    private final ConfigurableApplicationContext app;
    private final KafkaProducer<String, FeedEntryDiscovered> producer;
    private int published;

    FullPipeline(EmbeddedStack stack, BenchCorpus corpus, ElasticsearchClient client)
            throws IOException {
        this.corpus = corpus;
        this.client = client;
        this.pages = LoopbackHttpServer.start(request -> page(request.path()));
        Path dir = Files.createTempDirectory("vigil-bench-full");
        Path seeds = dir.resolve("feeds.yml");
        Files.writeString(seeds, "feeds: []\n", StandardCharsets.UTF_8);
        Map<String, Object> props = new HashMap<>();
        props.put("vigil.kafka.bootstrap-servers", stack.kafkaBootstrapServers());
        props.put("vigil.elasticsearch.uris", stack.elasticsearchUri().toString());
        props.put("vigil.kafka.topic-prefix", "bench-full.");
        props.put("vigil.app.roles", "crawler,pipeline,indexer");
        props.put("vigil.indexer.alias", ALIAS);
        props.put("vigil.crawler.feeds.seeds", seeds.toString());
        props.put("vigil.crawler.http.allowed-addresses", "127.0.0.1,::1");
        props.put("vigil.crawler.http.min-delay-per-host", "1ms");
        props.put("vigil.dedup.state-dir", dir.resolve("dedup").toString());
        props.put("vigil.dedup.application-id", "bench-full-dedup");
        props.put("vigil.classifier.state-dir", dir.resolve("classifier").toString());
        props.put("vigil.classifier.application-id", "bench-full-classifier");
        props.put("vigil.classifier.models-dir", dir.resolve("models").toString());
        props.put("vigil.embedded.data-dir", dir.toString());
        props.put("logging.level.root", "WARN");
        props.put("logging.file.name", dir.resolve("vigil.log").toString());
        // As command-line arguments: they win over application.yml (default properties do not).
        String[] args =
                props.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
        this.app =
                new SpringApplicationBuilder(VigilApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(args);
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafkaBootstrapServers());
        p.put("linger.ms", 5);
        this.producer =
                new KafkaProducer<>(
                        p, new StringSerializer(), JsonSerde.of(FeedEntryDiscovered.class));
    }

    private LoopbackHttpServer.Response page(String path) {
        if (!path.startsWith("/a/")) {
            return LoopbackHttpServer.Response.text(404, "not found");
        }
        int n = Integer.parseInt(path.substring(3));
        String[] t = corpus.text(n);
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=utf-8>");
        html.append("<title>").append(escape(t[0])).append(" (").append(n).append(")</title>");
        html.append("</head><body><nav>Home | World | Politics</nav><article><h1>")
                .append(escape(t[0]))
                .append("</h1><p>Dispatch ")
                .append(n)
                .append(".</p>");
        for (String para : t[1].split("\n+")) {
            if (!para.isBlank()) {
                html.append("<p>").append(escape(para)).append("</p>");
            }
        }
        html.append("</article><footer>© Bench News</footer></body></html>");
        return LoopbackHttpServer.Response.of(
                200,
                html.toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "text/html; charset=utf-8");
    }

    /** Publishes {@code n} entries, {@code perSecond} of them a second (0: at once). */
    void publish(int n, int perSecond) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (perSecond > 0) {
                long wait = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            int id = published++;
            String host = id % 2 == 0 ? "127.0.0.1" : "localhost";
            URI url = URI.create("http://" + host + ":" + pages.port() + "/a/" + id);
            FeedEntryDiscovered e =
                    new FeedEntryDiscovered(
                            FeedEntryDiscovered.SCHEMA,
                            "bench",
                            url,
                            url.toString(),
                            null,
                            null,
                            List.of(),
                            List.of(),
                            null,
                            null,
                            Instant.now());
            producer.send(new ProducerRecord<>(TOPICS.entriesDiscovered(), host, e));
        }
        producer.flush();
    }

    /** {@link #publish} on a thread of its own, started; join it to wait for the last entry. */
    Thread publishInBackground(int n, int perSecond) {
        Thread t =
                new Thread(
                        () -> {
                            try {
                                publish(n, perSecond);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "bench-publisher");
        t.start();
        return t;
    }

    /**
     * Waits until {@code total} articles are searchable, noting for each newly seen one the delay
     * since its fetch; returns the delays (ms) of the articles first seen in this call.
     */
    List<Long> awaitSearchable(int total, long timeoutMs) throws IOException, InterruptedException {
        List<Long> delays = new ArrayList<>();
        Set<String> seen = this.seen;
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (seen.size() < total && System.currentTimeMillis() < deadline) {
            long now = System.currentTimeMillis();
            try {
                SearchResponse<ObjectNode> r =
                        client.search(
                                s ->
                                        s.index(ALIAS)
                                                .size(10_000)
                                                .source(
                                                        src ->
                                                                src.filter(
                                                                        f ->
                                                                                f.includes(
                                                                                        "fetchedAt")))
                                                .query(
                                                        q ->
                                                                q.range(
                                                                        g ->
                                                                                g.date(
                                                                                        d ->
                                                                                                d.field(
                                                                                                                "fetchedAt")
                                                                                                        .gte(
                                                                                                                since))))
                                                .sort(
                                                        o ->
                                                                o.field(
                                                                        f ->
                                                                                f.field("fetchedAt")
                                                                                        .order(
                                                                                                SortOrder
                                                                                                        .Desc))),
                                ObjectNode.class);
                for (Hit<ObjectNode> h : r.hits().hits()) {
                    if (seen.add(h.id()) && h.source() != null) {
                        Instant fetched = Instant.parse(h.source().path("fetchedAt").asText());
                        delays.add(now - fetched.toEpochMilli());
                    }
                }
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException
                    | IOException e) {
                // a new monthly index answers 503 until its shard is allocated
            }
            Thread.sleep(100);
        }
        if (seen.size() < total) {
            throw new IllegalStateException(
                    "only " + seen.size() + " of " + total + " articles became searchable");
        }
        return delays;
    }

    private final Set<String> seen = new HashSet<>();
    private String since = Instant.now().minusSeconds(5).toString();

    /** Forgets what was seen: the next wait counts articles fetched from now on. */
    void resetWatch() {
        seen.clear();
        since = Instant.now().toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        producer.close();
        app.close();
        pages.close();
    }

    static void report(PrintStream out, String line) {
        out.println(line);
    }
}
