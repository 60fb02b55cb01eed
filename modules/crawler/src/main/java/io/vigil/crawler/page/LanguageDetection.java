package io.vigil.crawler.page;

import io.vigil.core.event.ArticleClassified.DetectedLanguage;
import io.vigil.core.language.NgramLanguages;

/**
 * A first guess at a page's language with OpenNLP's 103-language model ({@link NgramLanguages}), on
 * a bounded prefix for speed. Answers ISO 639-1 codes ("en", "zh"), or null for too little text.
 * The classifier decides the language that counts, with more care for short texts.
 */
final class LanguageDetection {

    /** Characters of text the detector looks at. */
    static final int PREFIX = 160;

    private static final int MIN_LETTERS = 20;

    private LanguageDetection() {}

    /** The text's language as an ISO 639-1 code, or null when there is too little text. */
    static String detect(String text) {
        String sample = text.length() > PREFIX ? text.substring(0, PREFIX) : text;
        int letters = 0;
        for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(sample.charAt(i))) {
                letters++;
            }
        }
        if (letters < MIN_LETTERS) {
            return null;
        }
        DetectedLanguage language = NgramLanguages.shared().identify(sample);
        return language == null ? null : language.code();
    }
}
