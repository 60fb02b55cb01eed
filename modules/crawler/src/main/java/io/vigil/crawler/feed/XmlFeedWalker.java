package io.vigil.crawler.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Reads what Rome does not keep (or gets wrong) straight from the XML tree: links resolved against
 * the xml:base chain and the feed URL, ids, raw dates parsed by {@link FeedDates}, inherited
 * xml:lang; and, when Rome gives up on a document, the whole feed in a format-agnostic way.
 */
final class XmlFeedWalker {

    private final URI documentBase;

    XmlFeedWalker(URI documentBase) {
        this.documentBase = documentBase;
    }

    /** The channel-like element: rss/channel, rdf:RDF/channel, or the atom feed itself. */
    static Element channel(Element root) {
        Element channel = child(root, "channel");
        return channel == null ? root : channel;
    }

    /** Item elements in document order, as Rome orders its entries. */
    static List<Element> items(Element root) {
        List<Element> out = new ArrayList<>();
        String name = root.getName().toLowerCase(Locale.ROOT);
        if (name.equals("feed")) {
            out.addAll(children(root, "entry"));
            return out;
        }
        Element channel = child(root, "channel");
        if (!name.equals("rdf") && channel != null) {
            out.addAll(children(channel, "item"));
        }
        out.addAll(children(root, "item"));
        if (name.equals("rdf") && out.isEmpty() && channel != null) {
            out.addAll(children(channel, "item"));
        }
        return out;
    }

    /** The entry with everything the tree can tell. */
    ParsedEntry entry(Element item, String feedLanguage) {
        boolean atom = item.getName().equals("entry");
        return new ParsedEntry(
                id(item),
                link(item),
                title(item, atom),
                summaryText(item, atom),
                contentText(item, atom),
                authors(item),
                categories(item),
                published(item),
                updated(item),
                language(textElement(item), feedLanguage),
                source(item),
                text(firstChild(item, "rights", "copyright"), atom));
    }

    /** The title; Media RSS {@code media:title} stands in when there is no core one. */
    static String title(Element item, boolean atom) {
        Element t = child(item, "title");
        if (t == null) {
            for (Element c : item.getChildren()) {
                if (c.getName().equals("title") && c.getNamespaceURI().equals(MEDIA_RSS)) {
                    return text(c, false);
                }
            }
        }
        return text(t, atom);
    }

    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

    /** The publication an aggregated item comes from: RSS source text or Atom source title. */
    static String source(Element item) {
        Element s = child(item, "source");
        if (s == null) {
            return null;
        }
        Element title = child(s, "title");
        return title != null ? text(title, true) : PlainText.fromHtml(s.getText());
    }

    String id(Element item) {
        String id = firstText(item, "guid", "id");
        if (id == null) {
            id = item.getAttributeValue("about", rdf(item));
        }
        return id == null || id.isBlank() ? null : id.strip();
    }

    URI link(Element item) {
        URI best = null;
        URI textLink = null;
        for (Element l : children(item, "link")) {
            String href = l.getAttributeValue("href");
            String rel = l.getAttributeValue("rel");
            if (rel != null && !rel.equalsIgnoreCase("alternate")) {
                continue;
            }
            if (href == null) {
                if (textLink == null && !l.getTextTrim().isEmpty()) {
                    textLink = Links.resolve(base(l), l.getTextTrim());
                }
            } else {
                URI u = Links.resolve(base(l), href);
                String type = l.getAttributeValue("type");
                if (u != null && (best == null || type != null && type.contains("html"))) {
                    best = u;
                }
            }
        }
        if (textLink != null) {
            best = textLink;
        }
        if (best == null) {
            Element guid = child(item, "guid");
            if (guid != null && !"false".equalsIgnoreCase(guid.getAttributeValue("isPermaLink"))) {
                String g = guid.getTextTrim();
                if (g.regionMatches(true, 0, "http", 0, 4)) {
                    best = Links.resolve(base(guid), g);
                }
            }
        }
        if (best == null) {
            String about = item.getAttributeValue("about", rdf(item));
            best = about == null ? null : Links.resolve(base(item), about);
        }
        return best;
    }

    /** The effective base URI of an element: xml:base attributes resolved down to it. */
    URI base(Element e) {
        List<String> chain = new ArrayList<>();
        for (Element p = e; p != null; p = p.getParentElement()) {
            chain.add(p.getAttributeValue("base", Namespace.XML_NAMESPACE));
        }
        URI b = documentBase;
        for (int i = chain.size() - 1; i >= 0; i--) {
            b = Links.rebase(b, chain.get(i));
        }
        return b;
    }

    /** The element whose text we keep (content, else summary, else the item itself). */
    private static Element textElement(Element item) {
        Element e =
                firstChild(
                        item, "content", "encoded", "body", "fullitem", "summary", "description");
        return e == null ? item : e;
    }

    /**
     * The language of an element's text: the nearest xml:lang (an empty one means unknown), else a
     * dc:language / language child of the item, else {@code fallback}.
     */
    static String language(Element e, String fallback) {
        for (Element p = e; p != null; p = p.getParentElement()) {
            String lang = p.getAttributeValue("lang", Namespace.XML_NAMESPACE);
            if (lang != null) {
                return Languages.normalize(lang);
            }
            String own =
                    p.getName().equals("item") || p.getName().equals("entry")
                            ? firstText(p, "language")
                            : null;
            if (own != null) {
                return Languages.normalize(own);
            }
        }
        return Languages.normalize(fallback);
    }

    static Instant published(Element item) {
        return FeedDates.parse(
                firstText(item, "published", "issued", "pubDate", "date", "created"));
    }

    static Instant updated(Element item) {
        return FeedDates.parse(firstText(item, "updated", "modified", "date", "lastBuildDate"));
    }

    List<String> authors(Element item) {
        List<String> out = new ArrayList<>();
        for (Element c : item.getChildren()) {
            String n = c.getName();
            if (n.equals("author") || n.equals("creator")) {
                Element name = child(c, "name");
                String value = Authors.name(name != null ? name.getText() : c.getText());
                if (value != null) {
                    out.add(value);
                }
            }
        }
        return out;
    }

    static List<String> categories(Element item) {
        List<String> out = new ArrayList<>();
        for (Element c : item.getChildren()) {
            if (c.getName().equals("category") || c.getName().equals("subject")) {
                String term = c.getAttributeValue("term");
                String v = PlainText.fromText(term != null ? term : c.getText());
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    String summaryText(Element item, boolean atom) {
        Element e = firstChild(item, "summary", "description", "abstract");
        if (e == null) {
            e = itunes(item, "summary", "subtitle");
        }
        String s = text(e, atom);
        return s != null ? s : contentText(item, atom);
    }

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

    String contentText(Element item, boolean atom) {
        Element c = firstChild(item, "content", "encoded", "body", "fullitem");
        return c == null ? null : text(c, atom);
    }

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
    private static final java.util.Set<String> CORE_NAMESPACES =
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

    private static Namespace rdf(Element e) {
        return Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
