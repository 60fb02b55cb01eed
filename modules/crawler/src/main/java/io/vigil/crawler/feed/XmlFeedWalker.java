package io.vigil.crawler.feed;

import static io.vigil.crawler.feed.FeedElements.child;
import static io.vigil.crawler.feed.FeedElements.children;
import static io.vigil.crawler.feed.FeedElements.firstChild;
import static io.vigil.crawler.feed.FeedElements.firstText;
import static io.vigil.crawler.feed.FeedElements.itunes;
import static io.vigil.crawler.feed.FeedElements.rdf;
import static io.vigil.crawler.feed.FeedElements.text;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import org.jdom2.Namespace;

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

    String contentText(Element item, boolean atom) {
        Element c = firstChild(item, "content", "encoded", "body", "fullitem");
        return c == null ? null : text(c, atom);
    }
}
