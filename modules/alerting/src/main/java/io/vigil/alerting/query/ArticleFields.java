package io.vigil.alerting.query;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.search.ArticleDocument;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The article as the index holds it, for matching in memory: the same field names and the same
 * analyzers as the index template ({@code modules/indexer/src/main/resources/elasticsearch/
 * vigil-articles.json}) and the same language key as the indexer gives an article. {@code title}
 * and {@code text} are English-analysed; an article in one of {@link ArticleDocument#LANGUAGE_KEYS}
 * has them again under {@code languages.<key>.title/text} with its language's analyzer; the keyword
 * fields a query may name ({@code language:zh}) are single terms. {@code AlertEquivalenceIT} (app
 * module) proves these match what Elasticsearch does.
 */
public final class ArticleFields {

    /** The group of articles whose language has no field of its own: English-analysed only. */
    public static final String NO_LANGUAGE_KEY = "";

    /** The analyzers of the template's language keys, by key. */
    private static final Map<String, Supplier<Analyzer>> LANGUAGE_ANALYZERS =
            Map.ofEntries(
                    Map.entry("zh", SmartChineseAnalyzer::new),
                    Map.entry("cjk", CJKAnalyzer::new),
                    Map.entry("fr", FrenchAnalyzer::new),
                    Map.entry("de", GermanAnalyzer::new),
                    Map.entry("es", SpanishAnalyzer::new),
                    Map.entry("it", ItalianAnalyzer::new),
                    Map.entry("pt", PortugueseAnalyzer::new),
                    Map.entry("ru", RussianAnalyzer::new),
                    Map.entry("ar", ArabicAnalyzer::new));

    /** The indexer's language key of each language (its {@code ArticleDocuments}). */
    private static final Map<String, String> LANGUAGE_KEY =
            Map.ofEntries(
                    Map.entry("zh", "zh"),
                    Map.entry("ja", "cjk"),
                    Map.entry("ko", "cjk"),
                    Map.entry("fr", "fr"),
                    Map.entry("de", "de"),
                    Map.entry("es", "es"),
                    Map.entry("it", "it"),
                    Map.entry("pt", "pt"),
                    Map.entry("ru", "ru"),
                    Map.entry("ar", "ar"));

    /** Keyword fields of the template a query may name; matched as whole values. */
    static final List<String> KEYWORD_FIELDS =
            List.of(
                    "language",
                    "domain",
                    "outlet",
                    "outletCountry",
                    "countries",
                    "topics",
                    "themes");

    private ArticleFields() {}

    /** The fields a query searches when it names none, as the search API's: title and text. */
    public static List<String> defaultFields() {
        List<String> fields = new ArrayList<>(List.of("title", "text"));
        for (String key : ArticleDocument.LANGUAGE_KEYS) {
            fields.add(languageField(key, "title"));
            fields.add(languageField(key, "text"));
        }
        return List.copyOf(fields);
    }

    /**
     * The groups articles fall in by the fields they have: {@link #NO_LANGUAGE_KEY} and each
     * language key.
     */
    public static List<String> groups() {
        List<String> groups = new ArrayList<>();
        groups.add(NO_LANGUAGE_KEY);
        groups.addAll(ArticleDocument.LANGUAGE_KEYS);
        return List.copyOf(groups);
    }

    /**
     * The default fields an article of {@code group} has: title and text, and its language's title
     * and text. The other default fields are empty in its document, so a query restricted to these
     * matches it exactly when the query over every default field does.
     */
    public static List<String> defaultFields(String group) {
        if (group.equals(NO_LANGUAGE_KEY)) {
            return List.of("title", "text");
        }
        return List.of(
                "title", "text", languageField(group, "title"), languageField(group, "text"));
    }

    /** The group of an article: its language key, or {@link #NO_LANGUAGE_KEY}. */
    public static String group(ArticleClassified classified) {
        String key = LANGUAGE_KEY.get(language(classified));
        return key == null ? NO_LANGUAGE_KEY : key;
    }

    /** One analyzer per field, as the template maps them (English for any other field). */
    public static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (String key : ArticleDocument.LANGUAGE_KEYS) {
            Analyzer a = LANGUAGE_ANALYZERS.get(key).get();
            perField.put(languageField(key, "title"), a);
            perField.put(languageField(key, "text"), a);
        }
        Analyzer keyword = new KeywordAnalyzer();
        for (String field : KEYWORD_FIELDS) {
            perField.put(field, keyword);
        }
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), perField);
    }

    /** The article as a document of these fields. */
    public static Document document(ArticleClassified classified) {
        ArticleFetched article = classified.article();
        Document doc = new Document();
        String title = article.title() == null ? "" : article.title();
        String text = article.text() == null ? "" : article.text();
        doc.add(new TextField("title", title, Field.Store.NO));
        doc.add(new TextField("text", text, Field.Store.NO));
        String language = language(classified);
        String key = LANGUAGE_KEY.get(language);
        if (key != null) {
            doc.add(new TextField(languageField(key, "title"), title, Field.Store.NO));
            doc.add(new TextField(languageField(key, "text"), text, Field.Store.NO));
        }
        keyword(doc, "language", language);
        String domain = domain(article.canonicalUrl());
        keyword(doc, "domain", domain);
        keyword(doc, "outlet", outlet(article, domain));
        keyword(doc, "outletCountry", upper(classified.outletCountry()));
        classified.mentionedCountries().forEach(c -> keyword(doc, "countries", upper(c)));
        for (ArticleClassified.TopicRelevance t : classified.topics()) {
            if (t.relevant()) {
                keyword(doc, "topics", t.topic());
                t.relevantThemes().forEach(theme -> keyword(doc, "themes", theme));
            }
        }
        return doc;
    }

    /** The article's language as the indexer records it: ISO 639-1, lower case, or {@code und}. */
    public static String language(ArticleClassified classified) {
        String code = classified.language().code();
        if (code == null || code.isBlank() || code.equals("und")) {
            code = classified.article().language();
        }
        if (code == null || code.isBlank()) {
            return "und";
        }
        int dash = code.indexOf('-');
        return (dash > 0 ? code.substring(0, dash) : code).toLowerCase(Locale.ROOT);
    }

    /** The outlet's name as the indexer records it: the site name, else the domain. */
    public static String outlet(ArticleFetched article, String domain) {
        return article.siteName() == null || article.siteName().isBlank()
                ? domain
                : article.siteName().strip();
    }

    /** Host of {@code url} in lower case without a leading {@code www.}. */
    public static String domain(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** The story of an article. */
    public static String storyId(ArticleClassified classified) {
        ArticleAccepted accepted = classified.accepted();
        return accepted.storyId();
    }

    private static String languageField(String key, String field) {
        return "languages." + key + "." + field;
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }
}
