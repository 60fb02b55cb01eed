package io.vigil.alerting.notify;

import io.vigil.core.alert.Alert;
import io.vigil.core.alert.AlertDelivery;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Alert email through SMTP (Jakarta Mail behind Spring's {@link JavaMailSender}): one message per
 * story, or one digest listing stories. Carries {@code X-Vigil-Delivery}. One try; {@link Retries}
 * decides. Without a mail server configured every email fails, clearly.
 */
final class EmailNotifier {

    private final JavaMailSender mail;
    private final String from;
    private final String baseUrl;

    /**
     * @param mail the SMTP client, or null when none is configured
     */
    EmailNotifier(JavaMailSender mail, String from, String baseUrl) {
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    Attempt send(Alert alert, Alert.Email email, AlertDelivery d) {
        return send(
                email,
                d.deliveryId(),
                Messages.subject(alert, d),
                Messages.body(alert, d, baseUrl));
    }

    Attempt sendDigest(
            Alert alert,
            Alert.Email email,
            List<AlertDelivery> items,
            Map<String, List<String>> outlets) {
        return send(
                email,
                "digest/" + alert.id() + "/" + items.get(0).deliveryId(),
                Messages.digestSubject(alert, items.size()),
                Messages.digestBody(alert, items, outlets, baseUrl));
    }

    private Attempt send(Alert.Email email, String deliveryId, String subject, String body) {
        if (mail == null) {
            return Attempt.permanent("no mail server configured (spring.mail.host)");
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(email.to().toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(body, false);
            message.setHeader(WebhookNotifier.DELIVERY, deliveryId);
            mail.send(message);
            return Attempt.delivered("to " + String.join(", ", email.to()));
        } catch (MessagingException e) {
            return Attempt.permanent("cannot build the message: " + e.getMessage());
        } catch (MailException e) {
            return Retries.ofMail(e);
        }
    }
}
