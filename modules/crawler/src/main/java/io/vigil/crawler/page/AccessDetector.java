package io.vigil.crawler.page;

import io.vigil.core.event.ArticleFetched.Access;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whether the extracted text is the whole article. Signals, strongest first: schema.org {@code
 * isAccessibleForFree: false} (also on a {@code hasPart}) or a locked content tier; a paywall
 * element (class or id naming a paywall, registration wall or subscriber-only part) with a short
 * text; a short text on a page that asks the reader to subscribe or to register.
 */
final class AccessDetector {

    /** Below this many non-space characters, an article with a paywall marker is a teaser. */
    static final int SHORT_TEXT = 1500;

    private static final Pattern PAYWALL_MARK =
            Pattern.compile(
                    "(?i)pay-?wall|reg-?wall|subscriber-?only|subscribers-?only|premium-?content"
                            + "|content-?locked|locked-?content|article-?locked|piano-?(offer|paywall)"
                            + "|metered-?content|tp-?modal|plus-?content|subscription-?wall");

    private static final Pattern SUBSCRIBE_PROMPT =
            Pattern.compile(
                    "(?iu)subscribe (now )?to (continue|read|unlock|keep)|to continue reading"
                            + "|already a subscriber|subscribers only|for subscribers"
                            + "|this (article|content|story) is (only )?(available|reserved|exclusive)"
                            + " (to|for) (subscribers|members)|become a (subscriber|member)"
                            + "|abonnez-vous|réservé aux abonnés|jetzt abonnieren|weiterlesen mit"
                            + "|suscríbete|exclusivo para suscriptores|abbonati|assine");

    private static final Pattern REGISTER_PROMPT =
            Pattern.compile(
                    "(?iu)(register|sign up|sign in|log in) (for free )?to (continue|read|view)"
                            + "|create a free account|free registration|inscrivez-vous"
                            + "|kostenlos registrieren|regístrate");

    private AccessDetector() {}

    /** Whether this element is a paywall (checked on every element before cleaning). */
    static boolean paywallElement(Element el) {
        String cls = el.attr("class");
        String id = el.attr("id");
        return (cls.length() > 5 && PAYWALL_MARK.matcher(cls).find())
                || (id.length() > 5 && PAYWALL_MARK.matcher(id).find())
                || el.hasAttr("data-paywall");
    }

    static Access detect(PageMetadata meta, boolean paywallMarker, int textSize, Document page) {
        if (Boolean.FALSE.equals(meta.accessibleForFree())) {
            return Access.PAYWALLED;
        }
        String tier = meta.contentTier();
        if (tier != null && !tier.toLowerCase(Locale.ROOT).equals("free")) {
            return textSize < SHORT_TEXT ? Access.PAYWALLED : Access.OPEN;
        }
        if (paywallMarker && textSize < SHORT_TEXT) {
            return Access.PAYWALLED;
        }
        if (textSize < SHORT_TEXT / 2 && page.body() != null) {
            String all = page.body().text();
            if (SUBSCRIBE_PROMPT.matcher(all).find()) {
                return Access.PAYWALLED;
            }
            if (REGISTER_PROMPT.matcher(all).find()) {
                return Access.TEASER;
            }
        }
        return Access.OPEN;
    }
}
