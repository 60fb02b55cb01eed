package io.vigil.crawler.page;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the publication and modification times of a page, most trusted source first: JSON-LD, meta
 * tags (OpenGraph, Dublin Core, parse.ly, ...), {@code <time>} and microdata, dates shown near the
 * headline, and last a date in the URL path.
 */
final class DateFinder {

    private static final List<String> PUBLISHED_META =
            List.of(
                    "article:published_time",
                    "og:article:published_time",
                    "article:published",
                    "datepublished",
                    "publishdate",
                    "publish-date",
                    "publish_date",
                    "pubdate",
                    "parsely-pub-date",
                    "sailthru.date",
                    "dc.date.issued",
                    "dcterms.issued",
                    "dcterms.created",
                    "dc.date",
                    "date",
                    "article.published",
                    "article_date_original",
                    "originalpublicationdate",
                    "cxenseparse:recs:publishtime",
                    "og:published_time",
                    "published_time",
                    "release_date",
                    "datecreated");

    private static final List<String> MODIFIED_META =
            List.of(
                    "article:modified_time",
                    "og:article:modified_time",
                    "datemodified",
                    "og:updated_time",
                    "last-modified",
                    "lastmod",
                    "dcterms.modified",
                    "dc.date.modified",
                    "article.updated",
                    "modified_time");

    private static final Pattern URL_DATE =
            Pattern.compile(
                    "/((?:19|20)\\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])(?:/|[-_]|$)");

    private static final Pattern OFFSET_AT_END =
            Pattern.compile("T\\d{2}:\\d{2}.*(Z|[+-]\\d{2}:\\d{2})$");

    private static final Evaluator MARKUP_DATES =
            QueryParser.parse("[itemprop=datePublished], time[pubdate], time[datetime]");

    /** Elements with more children than this hold more than a date line. */
    private static final int SMALL_ELEMENT = 8;

    private static final Pattern DATE_HINT =
            Pattern.compile("(?i)date|time|publish|posted|byline|dateline|meta|timestamp|updated");

    private DateFinder() {}

    /** Published and modified times; either may be null. */
    record Dates(Instant published, Instant modified) {}

    static Dates find(Document doc, JsonLd ld, MetaTags meta, String url, boolean monthFirst) {
        ZoneOffset zone = pageZone(ld, meta);
        Instant published = DateParser.parseMachine(ld.string("datePublished"), zone);
        if (published == null) {
            published = DateParser.parseMachine(ld.string("dateCreated"), zone);
        }
        for (int i = 0; published == null && i < PUBLISHED_META.size(); i++) {
            published = DateParser.parseMachine(meta.get(PUBLISHED_META.get(i)), zone);
        }
        Instant modified = DateParser.parseMachine(ld.string("dateModified"), zone);
        for (int i = 0; modified == null && i < MODIFIED_META.size(); i++) {
            modified = DateParser.parseMachine(meta.get(MODIFIED_META.get(i)), zone);
        }
        if (published == null) {
            published = fromMarkup(doc, zone, monthFirst);
        }
        if (published == null) {
            published = fromUrl(url, zone);
        }
        if (published == null && modified != null) {
            published = modified;
        }
        if (modified != null && published != null && modified.isBefore(published)) {
            modified = null;
        }
        return new Dates(published, modified);
    }

    /** The offset the page writes its own dates in, from any machine date that carries one. */
    private static ZoneOffset pageZone(JsonLd ld, MetaTags meta) {
        for (String raw :
                new String[] {
                    ld.string("datePublished"),
                    ld.string("dateModified"),
                    meta.get("article:published_time"),
                    meta.get("article:modified_time")
                }) {
            if (raw != null && OFFSET_AT_END.matcher(raw.trim()).find()) {
                try {
                    return OffsetDateTime.parse(raw.trim()).getOffset();
                } catch (DateTimeParseException e) {
                    // no offset there after all
                }
            }
        }
        return ZoneOffset.UTC;
    }

    private static Instant fromMarkup(Document doc, ZoneOffset zone, boolean monthFirst) {
        for (Element el : doc.select(MARKUP_DATES)) {
            String raw = el.hasAttr("datetime") ? el.attr("datetime") : el.attr("content");
            Instant at = DateParser.parseMachine(raw, zone);
            if (at == null) {
                at = DateParser.parseText(el.text(), zone, monthFirst);
            }
            if (at != null) {
                return at;
            }
        }
        int seen = 0;
        for (Element el : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            String cls = el.className();
            String id = el.id();
            boolean named =
                    !cls.isEmpty() && DATE_HINT.matcher(cls).find()
                            || !id.isEmpty() && DATE_HINT.matcher(id).find();
            if (named && el.childrenSize() <= SMALL_ELEMENT) {
                String text = el.text();
                if (text.length() >= 6 && text.length() <= 200) {
                    Instant at = DateParser.parseText(text, zone, monthFirst);
                    if (at != null) {
                        return at;
                    }
                }
                if (++seen > 60) {
                    break;
                }
            }
        }
        return null;
    }

    static Instant fromUrl(String url, ZoneOffset zone) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        return DateParser.parseMachine(m.group(1) + "-" + m.group(2) + "-" + m.group(3), zone);
    }
}
