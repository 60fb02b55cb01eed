package io.vigil.crawler.page;

import org.jsoup.parser.Parser;

/**
 * The article body a page declares in JSON-LD ({@code articleBody}), reduced to lower-case letters
 * and digits so that quotes, entities and spacing do not matter. A text block belongs to the
 * article when its start or its end is found in it.
 */
final class ArticleBodyHint implements ContentExtractor.BodyHint {

    /** Declared bodies shorter than this (letters and digits) are too thin to steer extraction. */
    static final int MIN_BODY = 400;

    private static final int PROBE = 40;

    private final String body;

    private ArticleBodyHint(String body) {
        this.body = body;
    }

    /** A hint for a declared body, or null when there is none worth using. */
    static ArticleBodyHint of(String articleBody) {
        if (articleBody == null || articleBody.length() < MIN_BODY || articleBody.contains("</")) {
            return null;
        }
        String body = reduce(Parser.unescapeEntities(articleBody, false));
        return body.length() < MIN_BODY ? null : new ArticleBodyHint(body);
    }

    /** Length of the reduced body. */
    int length() {
        return body.length();
    }

    @Override
    public boolean contains(CharSequence blockText) {
        String block = reduce(blockText);
        if (block.isEmpty()) {
            return false;
        }
        if (block.length() <= PROBE) {
            return block.length() >= 4 && body.contains(block);
        }
        return body.contains(block.substring(0, PROBE))
                || body.contains(block.substring(block.length() - PROBE));
    }

    static String reduce(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
