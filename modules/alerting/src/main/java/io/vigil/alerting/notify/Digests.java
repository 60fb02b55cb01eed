package io.vigil.alerting.notify;

import io.vigil.core.alert.Alert;
import io.vigil.core.alert.AlertDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * Stories waiting for their alert's digest, grouped by alert, with the log position of each: a
 * pending story holds its partition's committed offset back, so after a crash it is read again and
 * still goes out (once: its {@code SENT} entry is what marks it done). Later copies' outlets join
 * their story ("also carried by"). Used by the sender's thread only.
 */
final class Digests {

    /** A story waiting, and where it is in the log. */
    record Pending(TopicPartition partition, long offset, AlertDelivery delivery) {}

    private final Map<String, List<Pending>> byAlert = new LinkedHashMap<>();
    private final Map<String, List<String>> outlets = new HashMap<>();

    void add(TopicPartition partition, long offset, AlertDelivery d) {
        List<Pending> list = byAlert.computeIfAbsent(d.alertId(), k -> new ArrayList<>());
        if (list.stream().noneMatch(p -> p.delivery().deliveryId().equals(d.deliveryId()))) {
            list.add(new Pending(partition, offset, d));
        }
    }

    /** A later copy of a story: its outlets, if the story is waiting. */
    void alsoCarried(AlertDelivery d) {
        List<Pending> list = byAlert.get(d.alertId());
        if (list != null
                && list.stream().anyMatch(p -> p.delivery().deliveryId().equals(d.deliveryId()))) {
            outlets.put(d.deliveryId(), d.alsoCarriedBy());
        }
    }

    /** The alerts whose digest is due at {@code now}, with their stories. */
    Map<String, List<AlertDelivery>> due(
            java.util.function.Function<String, Alert> alerts, Instant now) {
        Map<String, List<AlertDelivery>> due = new LinkedHashMap<>();
        byAlert.forEach(
                (alertId, list) -> {
                    Alert alert = alerts.apply(alertId);
                    if (alert == null || alert.delivery().email() == null || list.isEmpty()) {
                        return;
                    }
                    Instant first = list.get(0).delivery().at();
                    if (!now.isBefore(DigestSchedule.next(alert.delivery().email(), first))) {
                        due.put(alertId, list.stream().map(Pending::delivery).toList());
                    }
                });
        return due;
    }

    Map<String, List<String>> outlets() {
        return outlets;
    }

    /** The alert's digest went out (or was given up): forget its stories. */
    void done(String alertId) {
        List<Pending> list = byAlert.remove(alertId);
        if (list != null) {
            list.forEach(p -> outlets.remove(p.delivery().deliveryId()));
        }
    }

    /** The alerts with stories waiting. */
    List<String> alertIds() {
        return List.copyOf(byAlert.keySet());
    }

    /** The lowest offset still waiting in {@code partition}. */
    OptionalLong lowestOffset(TopicPartition partition) {
        return byAlert.values().stream()
                .flatMap(List::stream)
                .filter(p -> p.partition().equals(partition))
                .mapToLong(Pending::offset)
                .min();
    }

    /** Partitions taken away: their stories are now another instance's (it reads them again). */
    void drop(java.util.Collection<TopicPartition> partitions) {
        byAlert.values().forEach(list -> list.removeIf(p -> partitions.contains(p.partition())));
        byAlert.values().removeIf(List::isEmpty);
    }
}
