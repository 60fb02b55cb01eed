package io.vigil.testkit;

import io.vigil.core.kafka.Topics;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Topic and index names that belong to one test class: everything carries the same unique prefix,
 * so tests sharing a broker and a node never see each other's data.
 *
 * @param prefix e.g. {@code "t-smokeit-1a2b3c4d."}
 * @param stack the servers these names live on
 */
public record TestNamespace(String prefix, VigilStack stack) {

    /** Vigil's topic names under this prefix. */
    public Topics topics() {
        return new Topics(prefix);
    }

    /** An index name under this prefix (Elasticsearch wants lower case and no leading dot). */
    public String index(String name) {
        return prefix + name;
    }

    /** A topic name under this prefix. */
    public String topic(String name) {
        return prefix + name;
    }

    /**
     * Creates topics and returns once each accepts offset queries, so that a producer may write at
     * once (an idempotent producer racing topic creation can lose a batch, KAFKA-15591).
     */
    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics =
                Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList();
        try {
            stack.admin().createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + List.of(names), e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + List.of(names), e);
        }
        awaitOffsets(Set.of(names), partitions, Duration.ofSeconds(30));
    }

    private void awaitOffsets(Set<String> names, int partitions, Duration timeout) {
        Map<TopicPartition, OffsetSpec> request =
                names.stream()
                        .flatMap(
                                n ->
                                        java.util.stream.IntStream.range(0, partitions)
                                                .mapToObj(p -> new TopicPartition(n, p)))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                stack.admin().listOffsets(request).all().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + names + " never became ready", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
