package io.vigil.baseline;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;

/**
 * readability4j 1.0.8 (a port of Mozilla's Readability.js), the baseline the extraction benchmark
 * compares Vigil's extractor with. Its jsoup is relocated in this module's jar.
 */
public final class ReadabilityBaseline {

    private ReadabilityBaseline() {}

    /** The article text readability4j finds, or an empty string. */
    public static String extract(String html, String url) {
        Article article = new Readability4J(url, html).parse();
        String text = article.getTextContent();
        return text == null ? "" : text;
    }
}
