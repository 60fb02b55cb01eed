package io.vigil.alerting.notify;

import io.vigil.core.alert.Alert;
import io.vigil.core.alert.AlertDelivery;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs a delivery to an alert's webhook: Vigil's JSON or Slack's, with {@code X-Vigil-Delivery}
 * (the delivery id, for receivers to drop a repeat) and, when the alert has a secret, {@code
 * X-Vigil-Signature: sha256=<hex HMAC-SHA256 of the body>}. One try; {@link Retries} decides.
 */
final class WebhookNotifier {

    static final String SIGNATURE = "X-Vigil-Signature";
    static final String DELIVERY = "X-Vigil-Delivery";

    private final HttpClient http;
    private final Duration timeout;
    private final String baseUrl;

    WebhookNotifier(Duration timeout, String baseUrl) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.baseUrl = baseUrl;
    }

    Attempt send(Alert alert, Alert.Webhook hook, AlertDelivery d) throws InterruptedException {
        String body =
                hook.format() == Alert.WebhookFormat.SLACK
                        ? Messages.slackJson(alert, d)
                        : Messages.webhookJson(alert, d, baseUrl);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(hook.url())
                        .timeout(timeout)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "Vigil-Alerts/1")
                        .header(DELIVERY, d.deliveryId())
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (hook.secret() != null && !hook.secret().isEmpty()) {
            request.header(SIGNATURE, "sha256=" + Signatures.sign(hook.secret(), body));
        }
        try {
            HttpResponse<Void> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return Retries.ofStatus(response.statusCode());
        } catch (IOException e) {
            return Retries.ofIo(e);
        }
    }
}
