package io.vigil.crawler.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Element lookups that respect feed namespaces, and Atom/RSS text constructs turned into plain
 * text.
 */
final class FeedElements {

    private FeedElements() {}

    /** Podcast feeds often describe themselves only in the iTunes namespace. */
    static Element itunes(Element parent, String... names) {
        for (String n : names) {
            for (Element c : parent.getChildren()) {
                if (c.getName().equals(n) && c.getNamespaceURI().equals(ITUNES)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static final String ITUNES = "http://www.itunes.com/DTDs/Podcast-1.0.dtd";

    /**
     * Plain text of a text construct: Atom {@code type="text"} as is; {@code html}, escaped mode
     * and RSS elements as HTML; {@code xhtml} (and inline markup) serialised, then as HTML.
     */
    static String text(Element e, boolean atom) {
        if (e == null) {
            return null;
        }
        String type = lower(e.getAttributeValue("type"));
        String mode = lower(e.getAttributeValue("mode"));
        String value = e.getText();
        if ("base64".equals(mode) || atom && isBinaryType(type)) {
            try {
                value =
                        new String(
                                Base64.getMimeDecoder().decode(value.strip()),
                                StandardCharsets.UTF_8);
            } catch (IllegalArgumentException bad) {
                return null;
            }
        } else if (!e.getChildren().isEmpty()) {
            XMLOutputter out = new XMLOutputter(Format.getRawFormat().setOmitDeclaration(true));
            return PlainText.fromHtml(out.outputElementContentString(e));
        }
        boolean plain =
                atom
                        && (type == null || type.equals("text") || type.equals("text/plain"))
                        && !"escaped".equals(mode);
        return plain ? PlainText.fromText(value) : PlainText.fromHtml(value);
    }

    /**
     * Namespaces whose elements carry the core fields; extension modules (iTunes, Media RSS, ...)
     * may reuse local names like {@code title} or {@code description} and must not win.
     */
    private static final Set<String> CORE_NAMESPACES =
            java.util.Set.of(
                    "",
                    "http://my.netscape.com/rdf/simple/0.9/",
                    "http://purl.org/rss/1.0/",
                    "http://purl.org/net/rss1.1#",
                    "http://backend.userland.com/rss2",
                    "http://backend.userland.com/rss",
                    "http://blogs.law.harvard.edu/tech/rss",
                    "http://www.w3.org/2005/Atom",
                    "http://purl.org/atom/ns#",
                    "http://purl.org/dc/elements/1.1/",
                    "http://purl.org/dc/terms/",
                    "http://purl.org/rss/1.0/modules/content/",
                    "http://www.w3.org/1999/xhtml",
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    /** RFC 4287 4.1.3.3: a media type that is neither text nor XML means base64 content. */
    private static boolean isBinaryType(String type) {
        if (type == null || !type.contains("/")) {
            return false;
        }
        return !type.startsWith("text/")
                && !type.endsWith("+xml")
                && !type.endsWith("/xml")
                && !type.equals("application/xhtml+xml");
    }

    /** In a feed namespace, or in the document's own (root) namespace, whatever that is. */
    private static boolean isCore(Element e) {
        String ns = e.getNamespaceURI();
        if (CORE_NAMESPACES.contains(ns)) {
            return true;
        }
        org.jdom2.Document doc = e.getDocument();
        return doc != null && ns.equals(doc.getRootElement().getNamespaceURI());
    }

    static Element child(Element parent, String localName) {
        for (Element c : parent.getChildren()) {
            if (c.getName().equals(localName) && isCore(c)) {
                return c;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element c : parent.getChildren()) {
            if (c.getName().equals(localName) && isCore(c)) {
                out.add(c);
            }
        }
        return out;
    }

    static Element firstChild(Element parent, String... names) {
        for (String n : names) {
            Element c = child(parent, n);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    static String firstText(Element parent, String... names) {
        for (String n : names) {
            Element c = child(parent, n);
            if (c != null && !c.getTextTrim().isEmpty()) {
                return c.getTextTrim();
            }
        }
        return null;
    }

    static Namespace rdf(Element e) {
        return Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
