package io.vigil.alerting.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vigil.core.alert.Alert;
import io.vigil.core.alert.AlertDelivery;
import io.vigil.core.alert.AlertDelivery.MatchedArticle;
import io.vigil.core.json.Json;
import java.util.List;
import java.util.Map;

/** The words of notifications: email subjects and bodies, webhook payloads. Pure. */
final class Messages {

    private Messages() {}

    /**
     * The JSON body of a webhook.
     *
     * @param alertId the alert
     * @param alertName its name
     * @param deliveryId the delivery id (also in the {@code X-Vigil-Delivery} header)
     * @param storyId the story
     * @param test true for a test-send
     * @param article the story's first matching article
     * @param alsoCarriedBy outlets known to carry the story
     * @param alertUrl the alert in the web UI
     */
    record WebhookPayload(
            String alertId,
            String alertName,
            String deliveryId,
            String storyId,
            boolean test,
            MatchedArticle article,
            List<String> alsoCarriedBy,
            String alertUrl) {}

    static String subject(Alert alert, AlertDelivery d) {
        String title =
                d.article() == null || d.article().title() == null
                        ? "(no title)"
                        : d.article().title();
        return (d.kind() == AlertDelivery.Kind.TEST ? "[Vigil test] " : "[Vigil] ")
                + alert.name()
                + ": "
                + title;
    }

    static String body(Alert alert, AlertDelivery d, String baseUrl) {
        StringBuilder b = new StringBuilder();
        if (d.kind() == AlertDelivery.Kind.TEST) {
            b.append("This is a test of your alert; the article below is a sample.\n\n");
        }
        item(b, d);
        b.append("\nAlert: ").append(alert.name()).append(" (").append(alert.query()).append(")\n");
        b.append(baseUrl).append("/api/alerts/").append(alert.id()).append('\n');
        return b.toString();
    }

    static String digestSubject(Alert alert, int stories) {
        return "[Vigil] " + alert.name() + ": " + stories + (stories == 1 ? " story" : " stories");
    }

    static String digestBody(
            Alert alert,
            List<AlertDelivery> items,
            Map<String, List<String>> outlets,
            String baseUrl) {
        StringBuilder b = new StringBuilder();
        b.append(items.size())
                .append(items.size() == 1 ? " story" : " stories")
                .append(" for your alert ")
                .append(alert.name())
                .append(" (")
                .append(alert.query())
                .append(")\n\n");
        for (AlertDelivery d : items) {
            item(b, d, outlets.getOrDefault(d.deliveryId(), d.alsoCarriedBy()));
            b.append('\n');
        }
        b.append(baseUrl).append("/api/alerts/").append(alert.id()).append('\n');
        return b.toString();
    }

    static String webhookJson(Alert alert, AlertDelivery d, String baseUrl) {
        Object body =
                new WebhookPayload(
                        alert.id(),
                        alert.name(),
                        d.deliveryId(),
                        d.storyId(),
                        d.kind() == AlertDelivery.Kind.TEST,
                        d.article(),
                        d.alsoCarriedBy(),
                        baseUrl + "/api/alerts/" + alert.id());
        return json(body);
    }

    /** Slack's incoming-webhook body: {@code {"text": "..."}} with a link in Slack's markup. */
    static String slackJson(Alert alert, AlertDelivery d) {
        MatchedArticle a = d.article();
        String title = a.title() == null ? a.url() : a.title();
        String text =
                (d.kind() == AlertDelivery.Kind.TEST ? "[test] " : "")
                        + "*"
                        + escapeSlack(alert.name())
                        + "*: <"
                        + a.url()
                        + "|"
                        + escapeSlack(title)
                        + ">"
                        + (a.outlet() == null ? "" : " — " + escapeSlack(a.outlet()));
        return json(Map.of("text", text));
    }

    private static void item(StringBuilder b, AlertDelivery d) {
        item(b, d, d.alsoCarriedBy());
    }

    private static void item(StringBuilder b, AlertDelivery d, List<String> outlets) {
        MatchedArticle a = d.article();
        b.append(a.title() == null ? "(no title)" : a.title()).append('\n');
        if (a.outlet() != null) {
            b.append(a.outlet());
        }
        if (a.published() != null) {
            b.append(", ").append(a.published());
        }
        b.append('\n').append(a.url()).append('\n');
        if (a.snippet() != null && !a.snippet().isEmpty()) {
            b.append(a.snippet()).append('\n');
        }
        if (outlets.size() > 1) {
            b.append("Also carried by: ")
                    .append(String.join(", ", outlets.subList(1, outlets.size())))
                    .append('\n');
        }
    }

    private static String escapeSlack(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String json(Object body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }
}
