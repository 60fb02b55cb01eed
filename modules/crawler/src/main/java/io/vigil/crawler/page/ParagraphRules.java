package io.vigil.crawler.page;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text rules for short paragraphs that are furniture: ads, prompts, credits, bylines, dates. */
final class ParagraphRules {

    private static final Pattern BOILERPLATE =
            Pattern.compile(
                    "(?s)^(advertisement|advertising|anzeige|publicité|publicidad|sponsored"
                            + "|read more|read also|also read|read next|related|see also|more:"
                            + "|click here|sign up|subscribe|follow us|share (this|on)|copyright"
                            + "|©|all rights reserved|image:|photo:|picture:|credit:|getty images"
                            + "|watch:|listen:|video:|recommended)\\b.*");

    /** Prompts and credits that give a short paragraph away as furniture wherever they occur. */
    private static final List<String> PROMPTS =
            List.of(
                    "newsletter",
                    "in your inbox",
                    "to your inbox",
                    "sign up for",
                    "sign up to",
                    "subscribe to",
                    "subscribe now",
                    "successfully subscribed",
                    "follow us on",
                    "follow us at",
                    "share it with",
                    "click here",
                    "requires javascript",
                    "all rights reserved",
                    "subject to copyright",
                    "reporting by",
                    "editing by",
                    "writing by",
                    "contributed to this report",
                    "contributed reporting");

    /** How a byline or dateline starts. */
    private static final Pattern BYLINE =
            Pattern.compile(
                    "(?s)^(by|published|updated|posted|last updated|von|por|par|publicado"
                            + "|publié|veröffentlicht|aktualisiert)\\b.*");

    private ParagraphRules() {}

    /** Whether a short paragraph reads as furniture: a prompt, a credit, a byline, a date. */
    static boolean furniture(String text, int size) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (BOILERPLATE.matcher(lower).matches()) {
            return true;
        }
        for (String prompt : PROMPTS) {
            if (lower.contains(prompt)) {
                return true;
            }
        }
        if (size < TextRenderer.SHORT_PARAGRAPH / 2
                && !TextRenderer.SENTENCE_END.matcher(text).find()) {
            return BYLINE.matcher(lower).matches()
                    || DateParser.parseText(text, ZoneOffset.UTC, false) != null;
        }
        return false;
    }
}
