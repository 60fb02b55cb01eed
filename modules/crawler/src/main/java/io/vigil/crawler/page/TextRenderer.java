package io.vigil.crawler.page;

import io.vigil.crawler.page.ContentExtractor.BodyHint;
import io.vigil.crawler.page.ContentExtractor.Frame;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Writes the container's text as paragraphs: each block's text becomes a paragraph when it reads
 * like article text (long enough or a complete sentence, few links, not furniture); a heading is
 * kept only when the paragraph after it is. Links of kept paragraphs are collected.
 */
final class TextRenderer {

    /** Lists of at least this many items, each with a link, may be link lists. */
    static final int LINK_LIST_ITEMS = 3;

    /** Short paragraphs are checked against the prompt and byline patterns. */
    static final int SHORT_PARAGRAPH = 200;

    static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;\"”»'’)\\]。！？」』）]\\s*$");

    private static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");

    /** Stands for a {@code <br>} in raw text; source newlines are plain whitespace. */
    private static final char LINE_BREAK = '\u2028';

    private TextRenderer() {}

    /** What becomes of one paragraph. */
    private enum Verdict {
        KEEP,
        DROP,
        BRIDGE
    }

    /** The article text and the absolute links inside it. */
    record Rendered(String text, List<URI> links) {}

    static Rendered render(
            Frame container, Map<Element, Frame> blocks, BodyHint hint, String title) {
        Walker walker = new Walker(container, blocks, hint, title);
        NodeTraversor.filter(walker, container.el);
        walker.flush();
        return new Rendered(String.join("\n\n", walker.paragraphs), List.copyOf(walker.links));
    }

    private static final class Walker implements NodeFilter {
        private final Frame container;
        private final Map<Element, Frame> blocks;
        private final BodyHint hint;
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final StringBuilder buf = new StringBuilder();
        private final List<Element> segmentLinks = new ArrayList<>();
        final List<String> paragraphs = new ArrayList<>();
        final Set<URI> links = new LinkedHashSet<>();
        private final List<String> pending = new ArrayList<>();
        private int quotes;
        private boolean afterKept;
        private final String title;

        Walker(Frame container, Map<Element, Frame> blocks, BodyHint hint, String title) {
            this.title = title == null ? null : ArticleBodyHint.reduce(title);
            this.container = container;
            this.blocks = blocks;
            this.hint = hint;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                buf.append(text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            String tag = el.normalName();
            Frame frame = blocks.get(el);
            boolean block = frame != null && frame.block == frame;
            if (el != container.el && skip(el, tag, frame)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("br")) {
                buf.append(LINE_BREAK);
            } else if (tag.equals("a") && el.hasAttr("href")) {
                segmentLinks.add(el);
            }
            if (block) {
                flush();
                stack.push(frame);
                if (tag.equals("blockquote")) {
                    quotes++;
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el && !stack.isEmpty() && stack.peek().el == el) {
                flush();
                stack.pop();
                if (el.normalName().equals("blockquote")) {
                    quotes--;
                }
            }
            return FilterResult.CONTINUE;
        }

        private boolean skip(Element el, String tag, Frame frame) {
            if (tag.equals("h1") || tag.equals("figcaption") || ContentExtractor.ignored(el)) {
                return true;
            }
            if (frame == null) {
                return false;
            }
            if ((tag.equals("figure") || tag.equals("header")) && frame.good < 400) {
                return true;
            }
            if ((tag.equals("ul") || tag.equals("ol")) && linkList(el)) {
                return true;
            }
            return frame.furniture;
        }

        /**
         * A list whose every item links somewhere and whose links make a good part of its text:
         * "more stories", not an article's own list.
         */
        private boolean linkList(Element list) {
            int items = 0;
            int text = 0;
            int linkText = 0;
            for (Element li : list.children()) {
                Frame f = blocks.get(li);
                if (f == null || !li.normalName().equals("li")) {
                    continue;
                }
                if (f.ownLink == 0) {
                    return false;
                }
                items++;
                text += f.own;
                linkText += f.ownLink;
            }
            return items >= LINK_LIST_ITEMS && linkText * 3 >= text;
        }

        void flush() {
            String text = normalize(buf);
            buf.setLength(0);
            if (text.isEmpty() || stack.isEmpty()) {
                segmentLinks.clear();
                return;
            }
            Frame block = stack.peek();
            Verdict verdict = judge(text, block);
            afterKept = verdict == Verdict.KEEP || verdict == Verdict.BRIDGE && afterKept;
            if (verdict == Verdict.KEEP) {
                paragraphs.addAll(pending);
                pending.clear();
                paragraphs.add(text);
                for (Element link : segmentLinks) {
                    addLink(link.absUrl("href"));
                }
            } else if (verdict == Verdict.BRIDGE) {
                pending.add(text);
            } else if (block.own >= ContentExtractor.GOOD_BLOCK || linkDense(block, text)) {
                pending.clear();
            }
            segmentLinks.clear();
        }

        /**
         * Too many links to be prose. A paragraph that is a full sentence may link most of its
         * words ("... was <a>re-opened earlier this year</a>.").
         */
        private static boolean linkDense(Frame block, String text) {
            if (ContentExtractor.proseLinks(block.own, block.ownLink)) {
                return false;
            }
            boolean sentence =
                    block.el.normalName().equals("p")
                            && block.ownLink * 4 < block.own * 3
                            && SENTENCE_END.matcher(text).find();
            return !sentence && block.ownLink * 2 > block.own;
        }

        /**
         * KEEP a paragraph; DROP furniture; BRIDGE a heading or a short line that is kept only when
         * a kept paragraph follows it (so trailing "Tags" or "Share" lines go).
         */
        private Verdict judge(String text, Frame block) {
            String tag = block.el.normalName();
            int size = ContentExtractor.visible(text);
            if (isTitle(text, size)) {
                return Verdict.DROP;
            }
            if (quotes > 0) {
                return block.ownLink >= block.own ? Verdict.DROP : Verdict.KEEP;
            }
            if (linkDense(block, text)) {
                return Verdict.DROP;
            }
            if (HEADINGS.contains(tag)) {
                return size > 200 ? Verdict.DROP : Verdict.BRIDGE;
            }
            if (size < SHORT_PARAGRAPH && ParagraphRules.furniture(text, size)) {
                return Verdict.DROP;
            }
            if (hint != null) {
                return hint.contains(text) ? Verdict.KEEP : Verdict.DROP;
            }
            if (ContentExtractor.endsWithEllipsis(text)) {
                // an excerpt, unless it continues the article (a teaser cut off by a paywall)
                return afterKept ? Verdict.KEEP : Verdict.DROP;
            }
            if (tag.equals("td") || tag.equals("th")) {
                return Verdict.KEEP;
            }
            if (size >= ContentExtractor.GOOD_BLOCK) {
                return ContentExtractor.proseLinks(block.own, block.ownLink)
                                || !linkDense(block, text)
                        ? Verdict.KEEP
                        : Verdict.DROP;
            }
            return SENTENCE_END.matcher(text).find() || tag.equals("li") && size >= 10
                    ? Verdict.KEEP
                    : Verdict.BRIDGE;
        }

        /** Whether the text is the headline again (sizes compared first: it is cheaper). */
        private boolean isTitle(String text, int size) {
            return title != null
                    && size >= title.length()
                    && size <= title.length() * 3 / 2 + 4
                    && title.equals(ArticleBodyHint.reduce(text));
        }

        private void addLink(String href) {
            if (!href.startsWith("http://") && !href.startsWith("https://")) {
                return;
            }
            try {
                links.add(new URI(href));
            } catch (URISyntaxException e) {
                // a malformed href is not a link we can report
            }
        }
    }

    /** Collapses whitespace runs to a space or, where a {@code <br>} was, a newline; trims. */
    static String normalize(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == LINE_BREAK) {
                newline = true;
            } else if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
                space = true;
            } else {
                if (out.length() > 0 && (newline || space)) {
                    out.append(newline ? '\n' : ' ');
                }
                newline = false;
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
