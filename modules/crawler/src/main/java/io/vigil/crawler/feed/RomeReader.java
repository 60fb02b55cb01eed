package io.vigil.crawler.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through Rome, completed by {@link XmlFeedWalker} for links,
 * ids, dates and languages; when Rome cannot make sense of a tree, the walker alone reads it.
 */
final class RomeReader {

    private static final Logger LOG = LoggerFactory.getLogger(RomeReader.class);

    private RomeReader() {}

    static ParsedFeed read(XmlDocuments.Parsed parsed, URI base, Charset encoding) {
        Document doc = parsed.document();
        Element root = doc.getRootElement();
        XmlFeedWalker walker = new XmlFeedWalker(base);
        List<Element> items = XmlFeedWalker.items(root);
        ParseOutcome outcome = parsed.recovered() ? ParseOutcome.RECOVERED : ParseOutcome.OK;
        SyndFeed feed = null;
        String romeProblem = null;
        try {
            feed = new SyndFeedInput().build(doc);
        } catch (FeedException | RuntimeException e) {
            romeProblem = e.getMessage();
            LOG.debug("Rome could not read the feed at {}: {}", base, e.toString());
        }
        FeedFormat format =
                feed == null ? FeedFormat.UNKNOWN : FeedFormat.fromRomeType(feed.getFeedType());
        if (format == FeedFormat.UNKNOWN) {
            format = guessFormat(root);
        }
        if (format == FeedFormat.RSS_100 && declaresRss090(root)) {
            format = FeedFormat.RSS_090;
        }
        if (format == FeedFormat.UNKNOWN) {
            return ParsedFeed.failed(
                    FeedFormat.UNKNOWN,
                    ParseOutcome.NOT_A_FEED,
                    "root element <" + root.getName() + "> is not RSS or Atom",
                    encoding);
        }
        if (feed == null) {
            outcome = ParseOutcome.RECOVERED;
        }
        Element channel = XmlFeedWalker.channel(root);
        boolean atom = root.getName().equals("feed");
        String language =
                firstNonNull(
                        feed == null ? null : blankToNull(feed.getLanguage()),
                        FeedElements.firstText(channel, "language"),
                        XmlFeedWalker.language(root, null));
        List<SyndEntry> romeEntries = feed == null ? List.of() : feed.getEntries();
        boolean aligned = romeEntries.size() == items.size();
        List<ParsedEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ParsedEntry walked = walker.entry(items.get(i), language);
            entries.add(aligned ? merge(romeEntries.get(i), walked) : walked);
        }
        Element titleElement = FeedElements.child(channel, "title");
        String title =
                titleElement != null
                        ? FeedElements.text(titleElement, atom)
                        : feed == null ? null : text(feed.getTitleEx(), atom);
        Element descriptionElement =
                FeedElements.firstChild(channel, "subtitle", "tagline", "description");
        if (descriptionElement == null) {
            descriptionElement = FeedElements.itunes(channel, "subtitle", "summary");
        }
        String description =
                descriptionElement != null
                        ? FeedElements.text(descriptionElement, atom)
                        : feed == null ? null : text(feed.getDescriptionEx(), atom);
        URI link = walker.link(channel);
        Instant updated = XmlFeedWalker.updated(channel);
        if (updated == null && feed != null) {
            updated = instant(feed.getPublishedDate());
        }
        return new ParsedFeed(
                format,
                outcome,
                outcome == ParseOutcome.OK ? null : firstNonNull(parsed.problem(), romeProblem),
                title,
                link,
                description,
                Languages.normalize(language),
                updated,
                FeedElements.text(FeedElements.firstChild(channel, "rights", "copyright"), atom),
                encoding,
                entries);
    }

    private static ParsedEntry merge(SyndEntry r, ParsedEntry w) {
        boolean atom = r.getWireEntry() instanceof com.rometools.rome.feed.atom.Entry;
        // Titles and texts come from the walker, which reads the same tree with type and mode
        // rules (an element that is present but turns out empty stays empty).
        String title = w.title();
        String content = w.content();
        String summary = w.summary();
        List<String> authors = new ArrayList<>(w.authors());
        for (SyndPerson p : authors.isEmpty() ? r.getAuthors() : List.<SyndPerson>of()) {
            String name = Authors.name(p.getName());
            if (name != null) {
                authors.add(name);
            }
        }
        if (authors.isEmpty() && Authors.name(r.getAuthor()) != null) {
            authors.add(Authors.name(r.getAuthor()));
        }
        List<String> categories = new ArrayList<>();
        for (SyndCategory c : r.getCategories()) {
            String name = PlainText.fromText(c.getName());
            if (name != null) {
                categories.add(name);
            }
        }
        return new ParsedEntry(
                w.id(),
                w.link(),
                title,
                summary,
                content,
                authors,
                categories.isEmpty() ? w.categories() : categories,
                firstNonNull(w.published(), instant(r.getPublishedDate())),
                firstNonNull(w.updated(), instant(r.getUpdatedDate())),
                w.language(),
                w.source(),
                w.rights());
    }

    /** Atom {@code text} stays as is; html, xhtml and RSS (untyped) text are read as HTML. */
    static String text(SyndContent c, boolean atom) {
        if (c == null || c.getValue() == null) {
            return null;
        }
        String type = c.getType() == null ? null : c.getType().toLowerCase(Locale.ROOT);
        boolean plain = atom && (type == null || type.equals("text") || type.equals("text/plain"));
        return plain ? PlainText.fromText(c.getValue()) : PlainText.fromHtml(c.getValue());
    }

    private static FeedFormat guessFormat(Element root) {
        String name = root.getName().toLowerCase(Locale.ROOT);
        String ns = root.getNamespaceURI();
        String version = root.getAttributeValue("version", "").strip();
        return switch (name) {
            case "rss" ->
                    switch (version) {
                        case "0.91" -> FeedFormat.RSS_091;
                        case "0.92" -> FeedFormat.RSS_092;
                        case "0.93" -> FeedFormat.RSS_093;
                        case "0.94" -> FeedFormat.RSS_094;
                        default -> FeedFormat.RSS_200;
                    };
            case "rdf" ->
                    FeedElements.children(root, "channel").stream()
                                    .anyMatch(
                                            c ->
                                                    c.getNamespaceURI()
                                                            .equals(
                                                                    "http://my.netscape.com/rdf/simple/0.9/"))
                            ? FeedFormat.RSS_090
                            : FeedFormat.RSS_100;
            case "feed" ->
                    ns.equals("http://purl.org/atom/ns#") ? FeedFormat.ATOM_03 : FeedFormat.ATOM_10;
            case "channel" -> FeedFormat.RSS_091;
            default -> FeedFormat.UNKNOWN;
        };
    }

    private static boolean declaresRss090(Element root) {
        String rss090 = "http://my.netscape.com/rdf/simple/0.9/";
        return root.getNamespacesInScope().stream().anyMatch(n -> n.getURI().equals(rss090));
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
