package io.vigil.crawler.feed;

import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Text to a JDOM document for Rome. Strict first (Rome's hardened SAX builder behind its entity
 * fixer), then after cleaning (control characters, stray ampersands), and finally through jsoup's
 * forgiving XML parser, whose tree is rebuilt as JDOM with namespaces resolved.
 */
final class XmlDocuments {

    /** A document and whether it had to be recovered. */
    record Parsed(Document document, boolean recovered, String problem) {}

    private static final Pattern DOCTYPE =
            Pattern.compile("<!DOCTYPE[^\\[>]*(\\[[\\s\\S]*?\\])?\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BAD_CHARS =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final Pattern STRAY_AMP =
            Pattern.compile("&(?!(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)");
    private static final Pattern ENTITY =
            Pattern.compile(
                    "<!ENTITY\\s+([A-Za-z_][\\w.\\-]*)\\s+([\"'])(.*?)\\2\\s*>", Pattern.DOTALL);
    private static final Pattern LEADING_JUNK = Pattern.compile("^[\\s\\uFEFF]+");

    private XmlDocuments() {}

    static Parsed parse(String text) {
        String t = LEADING_JUNK.matcher(text).replaceFirst("");
        t = withoutDoctype(t).replace("&#X", "&#x");
        String problem;
        try {
            return new Parsed(strict(t), false, null);
        } catch (JDOMException | IOException e) {
            problem = e.getMessage();
        }
        String cleaned = STRAY_AMP.matcher(BAD_CHARS.matcher(t).replaceAll("")).replaceAll("&amp;");
        try {
            return new Parsed(strict(cleaned), true, problem);
        } catch (JDOMException | IOException e) {
            // fall through to the forgiving parser
        }
        Document lenient = lenient(cleaned);
        return lenient == null ? null : new Parsed(lenient, true, problem);
    }

    /**
     * Drops the DOCTYPE (never loaded: no external entities) after expanding the simple internal
     * general entities it declares, once, with a cap on growth.
     */
    private static String withoutDoctype(String text) {
        Matcher doctype = DOCTYPE.matcher(text);
        if (!doctype.find()) {
            return text;
        }
        String subset = doctype.group(1) == null ? "" : doctype.group(1);
        String rest = text.substring(0, doctype.start()) + text.substring(doctype.end());
        Matcher entity = ENTITY.matcher(subset);
        long budget = rest.length() + 1_000_000L;
        while (entity.find()) {
            String value = entity.group(3);
            if (value.indexOf('&') >= 0 || value.indexOf('<') >= 0) {
                continue;
            }
            String ref = "&" + entity.group(1) + ";";
            String expanded = rest.replace(ref, value);
            if (expanded.length() > budget) {
                break;
            }
            rest = expanded;
        }
        return rest;
    }

    private static Document strict(String text) throws JDOMException, IOException {
        SAXBuilder builder = new BuilderAccess().builder();
        // The JDK parser slows down quadratically with nesting depth; real feeds stay shallow,
        // so a deeper document is refused here and read by the lenient parser instead.
        builder.setProperty(MAX_DEPTH_PROPERTY, String.valueOf(MAX_DEPTH * 2));
        return builder.build(new XmlFixerReader(new StringReader(text)));
    }

    /** jsoup's XML parser never fails; rebuild its tree as JDOM. Null when there is no element. */
    static Document lenient(String text) {
        org.jsoup.nodes.Document doc = Jsoup.parse(text, "", Parser.xmlParser());
        Element root = doc.children().first();
        while (root != null && root.tagName().startsWith("?")) {
            root = root.nextElementSibling();
        }
        if (root == null) {
            return null;
        }
        return new Document(convert(root, new HashMap<>(), 0));
    }

    private static final String MAX_DEPTH_PROPERTY =
            "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    /** Deeper than any real feed; guards the recursion against hostile nesting. */
    private static final int MAX_DEPTH = 256;

    private static org.jdom2.Element convert(Element e, Map<String, String> inherited, int depth) {
        Map<String, String> scope = new HashMap<>(inherited);
        for (org.jsoup.nodes.Attribute a : e.attributes()) {
            String key = a.getKey();
            if (key.equals("xmlns")) {
                scope.put("", a.getValue());
            } else if (key.startsWith("xmlns:")) {
                scope.put(key.substring(6), a.getValue());
            }
        }
        String tag = e.tagName();
        int colon = tag.indexOf(':');
        String prefix = colon < 0 ? "" : tag.substring(0, colon);
        String local = safeName(colon < 0 ? tag : tag.substring(colon + 1));
        String uri = scope.getOrDefault(prefix, "");
        org.jdom2.Element out;
        try {
            out =
                    uri.isEmpty()
                            ? new org.jdom2.Element(local)
                            : new org.jdom2.Element(
                                    local,
                                    Namespace.getNamespace(
                                            prefix.isEmpty() ? "" : safeName(prefix), uri));
        } catch (RuntimeException bad) {
            out = new org.jdom2.Element(local);
        }
        for (org.jsoup.nodes.Attribute a : e.attributes()) {
            String key = a.getKey();
            if (key.equals("xmlns") || key.startsWith("xmlns:")) {
                continue;
            }
            try {
                int c = key.indexOf(':');
                if (c < 0) {
                    out.setAttribute(new Attribute(safeName(key), a.getValue()));
                } else if (key.startsWith("xml:")) {
                    out.setAttribute(key.substring(4), a.getValue(), Namespace.XML_NAMESPACE);
                } else {
                    String ns = scope.get(key.substring(0, c));
                    if (ns != null && !ns.isEmpty()) {
                        out.setAttribute(
                                key.substring(c + 1),
                                a.getValue(),
                                Namespace.getNamespace(key.substring(0, c), ns));
                    }
                }
            } catch (RuntimeException bad) {
                // an attribute JDOM refuses is dropped, not fatal
            }
        }
        for (Node child : e.childNodes()) {
            if (child instanceof Element ce) {
                if (depth < MAX_DEPTH) {
                    out.addContent(convert(ce, scope, depth + 1));
                }
            } else if (child instanceof TextNode tn) {
                out.addContent(BAD_CHARS.matcher(tn.getWholeText()).replaceAll(""));
            } else if (child instanceof org.jsoup.nodes.CDataNode cd) {
                out.addContent(BAD_CHARS.matcher(cd.getWholeText()).replaceAll(""));
            }
        }
        return out;
    }

    private static String safeName(String name) {
        String n = name.replaceAll("[^A-Za-z0-9._\\-]", "_");
        return n.isEmpty() || !Character.isLetter(n.charAt(0)) && n.charAt(0) != '_' ? "_" + n : n;
    }

    /** Reaches Rome's hardened (no external entities, no DTD loading) SAX builder. */
    private static final class BuilderAccess extends WireFeedInput {
        SAXBuilder builder() {
            return createSAXBuilder();
        }
    }
}
