package io.vigil.crawler.page;

import io.vigil.core.event.ArticleFetched.Access;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

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
                    "subscribe (now )?to (continue|read|unlock|keep)"
                            + "|already a subscriber|subscribers only|for subscribers"
                            + "|this (article|content|story) is (only )?(available|reserved|exclusive)"
                            + " (to|for) (subscribers|members)|become a (subscriber|member)"
                            + "|abonnez-vous|réservé aux abonnés|jetzt abonnieren|weiterlesen mit"
                            + "|suscríbete|exclusivo para suscriptores|abbonati|assine");

    private static final Pattern REGISTER_PROMPT =
            Pattern.compile(
                    "(register|sign up|sign in|log in) (for free )?to (continue|read|view)"
                            + "|create a free account|free registration|inscrivez-vous"
                            + "|kostenlos registrieren|regístrate");

    private AccessDetector() {}

    /** The page's text outside navigation, footers, scripts and hidden nodes. */
    private static String visibleText(Element body) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof Element el
                                && depth > 0
                                && ContentExtractor.ignored(el)) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (node instanceof TextNode t) {
                            text.append(t.getWholeText()).append(' ');
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        return FilterResult.CONTINUE;
                    }
                },
                body);
        return TextRenderer.normalize(text);
    }

    /** Whether the page has a paywall element (hidden ones included). */
    static boolean hasPaywallMarker(Element body) {
        for (Element el : body.getAllElements()) {
            if (paywallElement(el)) {
                return true;
            }
        }
        return false;
    }

    private static boolean paywallElement(Element el) {
        return paywallName(el.attr("class"))
                || paywallName(el.attr("id"))
                || el.hasAttr("data-paywall");
    }

    /** A cheap substring screen first: the regex runs on few names. */
    private static boolean paywallName(String name) {
        return name.length() > 5
                && (name.contains("all")
                        || name.contains("ubscri")
                        || name.contains("remium")
                        || name.contains("ock")
                        || name.contains("eter")
                        || name.contains("iano")
                        || name.contains("odal")
                        || name.contains("lus"))
                && PAYWALL_MARK.matcher(name).find();
    }

    static Access detect(PageMetadata meta, int textSize, Document page) {
        if (Boolean.FALSE.equals(meta.accessibleForFree())) {
            return Access.PAYWALLED;
        }
        String tier = meta.contentTier();
        if (tier != null && !tier.toLowerCase(Locale.ROOT).equals("free")) {
            return textSize < SHORT_TEXT ? Access.PAYWALLED : Access.OPEN;
        }
        if (textSize < SHORT_TEXT && page.body() != null && hasPaywallMarker(page.body())) {
            return Access.PAYWALLED;
        }
        if (textSize < SHORT_TEXT / 2 && page.body() != null) {
            String all = visibleText(page.body()).toLowerCase(Locale.ROOT);
            if (SUBSCRIBE_PROMPT.matcher(all).find()) {
                return Access.PAYWALLED;
            }
            if (REGISTER_PROMPT.matcher(all).find()) {
                return Access.TEASER;
            }
            if (all.contains("to continue reading") || all.contains("to read the full")) {
                return Access.PAYWALLED;
            }
        }
        return Access.OPEN;
    }
}
