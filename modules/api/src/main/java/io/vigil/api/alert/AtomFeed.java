package io.vigil.api.alert;

import io.vigil.core.alert.Alert;
import io.vigil.core.alert.AlertDelivery;
import io.vigil.core.alert.AlertDelivery.Kind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An alert's deliveries as an Atom 1.0 feed (RFC 4287): one entry per story. Pure. */
final class AtomFeed {

    private AtomFeed() {}

    static String render(Alert alert, List<AlertDelivery> newestFirst, String selfUrl) {
        Map<String, List<String>> outlets = new HashMap<>();
        for (AlertDelivery d : newestFirst) {
            if (d.kind() == Kind.ALSO_CARRIED) {
                outlets.putIfAbsent(d.deliveryId(), d.alsoCarriedBy());
            }
        }
        List<AlertDelivery> entries =
                newestFirst.stream().filter(d -> d.kind() == Kind.MATCHED).toList();
        Instant updated = entries.isEmpty() ? alert.updatedAt() : entries.get(0).at();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        element(x, "  ", "id", "urn:vigil:alert:" + alert.id());
        element(x, "  ", "title", "Vigil: " + alert.name());
        element(x, "  ", "subtitle", alert.query());
        element(x, "  ", "updated", updated.toString());
        x.append("  <author><name>Vigil</name></author>\n");
        x.append("  <link rel=\"self\" href=\"").append(escape(selfUrl)).append("\"/>\n");
        for (AlertDelivery d : entries) {
            AlertDelivery.MatchedArticle a = d.article();
            List<String> carriers = outlets.getOrDefault(d.deliveryId(), d.alsoCarriedBy());
            x.append("  <entry>\n");
            element(x, "    ", "id", "urn:vigil:delivery:" + d.deliveryId());
            element(x, "    ", "title", a.title() == null ? a.url() : a.title());
            x.append("    <link href=\"").append(escape(a.url())).append("\"/>\n");
            element(x, "    ", "updated", d.at().toString());
            if (a.published() != null) {
                element(x, "    ", "published", a.published().toString());
            }
            StringBuilder summary = new StringBuilder();
            if (a.outlet() != null) {
                summary.append(a.outlet()).append(". ");
            }
            if (a.snippet() != null) {
                summary.append(a.snippet());
            }
            if (carriers.size() > 1) {
                summary.append(" Also carried by: ")
                        .append(String.join(", ", carriers.subList(1, carriers.size())))
                        .append('.');
            }
            element(x, "    ", "summary", summary.toString().strip());
            x.append("  </entry>\n");
        }
        x.append("</feed>\n");
        return x.toString();
    }

    private static void element(StringBuilder x, String indent, String name, String text) {
        x.append(indent)
                .append('<')
                .append(name)
                .append('>')
                .append(escape(text))
                .append("</")
                .append(name)
                .append(">\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
