package io.vigil.crawler.page;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Picks the element that holds the article: one pass measures, for every element, how much of its
 * text sits in good text blocks (long enough, few links) and how much does not; furniture (class or
 * id naming comments, share bars, related links...) counts as bad. The element maximising {@code
 * good - PENALTY * bad} is the container. When the page gives its article body in JSON-LD, blocks
 * found in it count as good whatever their size.
 */
final class ContentExtractor {

    /** Weight of text that is not article-like inside a candidate container. */
    static final double PENALTY = 1.0;

    /** Minimum size (non-space characters) of a text block that counts as good on its own. */
    static final int GOOD_BLOCK = 30;

    /** Weak furniture holding at least this much good text is article after all. */
    static final int WEAK_KEEP = 300;

    private ContentExtractor() {}

    /** Per-element measurements, kept for block elements and named furniture. */
    static final class Frame {
        final Element el;
        final Frame parent;
        final Frame block;
        final int hint;
        final boolean link;
        int own;
        int ownLink;
        int total;
        boolean truncated;
        StringBuilder ownText;
        boolean ownGood;
        boolean ownHinted;
        // Set by each selection run (Measurement#container):
        boolean furniture;
        int good;
        int rawGood;
        int sum;
        double score = Double.NEGATIVE_INFINITY;

        Frame(Element el, Frame parent, boolean isBlock, int hint) {
            this.el = el;
            this.parent = parent;
            this.block = isBlock || parent == null ? this : parent.block;
            this.hint = hint;
            this.link = parent != null && parent.link || el.normalName().equals("a");
        }

        boolean goodBlock() {
            return own >= GOOD_BLOCK && !truncated && proseLinks(own, ownLink);
        }

        /** Whether this or an ancestor is furniture. */
        boolean inFurniture() {
            for (Frame f = this; f != null; f = f.parent) {
                if (f.furniture) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Whether an element is never article text: scripts, navigation, forms' controls, media, hidden
     * nodes. Measuring and rendering skip these subtrees (cheaper than removing them).
     */
    static boolean ignored(Element el) {
        return BoilerplateHints.REMOVED_TAGS.contains(el.normalName())
                || BoilerplateHints.hidden(el);
    }

    /**
     * The measured page. {@link #container} reads it with the block heuristics or with the declared
     * article body, and leaves the frames' furniture flags as that reading set them.
     */
    static final class Measurement {
        final Map<Element, Frame> frames;
        private final List<Frame> postOrder;

        private Measurement(Map<Element, Frame> frames, List<Frame> postOrder) {
            this.frames = frames;
            this.postOrder = postOrder;
        }

        /**
         * The best container, or null: a strict and a lenient reading of furniture names ({@link
         * #select}); the lenient one wins only when it finds several times more good text.
         *
         * @param hinted whether good blocks are those found in the declared article body
         */
        Frame container(boolean hinted) {
            if (postOrder.isEmpty()) {
                return null;
            }
            int pageGood = rawGood(hinted);
            Frame strict = select(pageGood, hinted, false);
            int strictGood = strict == null ? 0 : strict.good;
            Frame lenient = select(pageGood, hinted, true);
            if (strict != null && strictGood * LENIENT_GAIN >= lenient.good) {
                return select(pageGood, hinted, false);
            }
            return lenient;
        }

        /** Good text under each element, names ignored; returns the page's. */
        private int rawGood(boolean hinted) {
            for (Frame f : postOrder) {
                f.sum = 0;
            }
            for (Frame f : postOrder) {
                boolean good = hinted ? f.ownHinted : f.ownGood;
                f.rawGood = f.sum + (good ? f.own : 0);
                if (f.parent != null) {
                    f.parent.sum += f.rawGood;
                }
            }
            return postOrder.get(postOrder.size() - 1).rawGood;
        }

        /**
         * Marks furniture and picks the best container. Strict: every element strongly named as
         * furniture (related, share, sidebar...) is furniture. Lenient: only when it holds less
         * than half of the page's good text (else the name describes layout, as in
         * "Page-ad-margins" around a whole page). Either way comment sections are, and a weakly
         * named element (header, meta, author...) is when it holds little good text. Good text in
         * furniture counts as bad.
         */
        private Frame select(int pageGood, boolean hinted, boolean lenient) {
            Frame best = null;
            for (Frame f : postOrder) {
                f.sum = 0;
            }
            for (Frame f : postOrder) {
                boolean good = hinted ? f.ownHinted : f.ownGood;
                f.good = f.sum + (good ? f.own : 0);
                f.furniture =
                        f.hint == BoilerplateHints.WEAK && f.rawGood < WEAK_KEEP
                                || f.hint == BoilerplateHints.STRONG
                                        && (!lenient
                                                || f.rawGood * 2 < pageGood
                                                || BoilerplateHints.comments(f.el));
                if (f.furniture) {
                    f.good = 0;
                }
                f.score = f.good - PENALTY * (f.total - f.good);
                if (f.parent != null) {
                    f.parent.sum += f.good;
                }
            }
            for (Frame f : postOrder) {
                if (f.block == f
                        && f.good > 0
                        && (best == null || f.score > best.score)
                        && !f.inFurniture()) {
                    best = f;
                }
            }
            return best;
        }
    }

    /** How many times more good text the lenient reading must find to be preferred. */
    static final int LENIENT_GAIN = 3;

    /**
     * Measures every element under {@code body} in one traversal: text sizes, link text, and which
     * blocks are good by the heuristics and (when a hint is given) by the declared body.
     *
     * @param hint the declared article body, or null
     */
    static Measurement measure(Element body, BodyHint hint) {
        Map<Element, Frame> frames = new IdentityHashMap<>();
        List<Frame> postOrder = new ArrayList<>();
        NodeTraversor.filter(
                new NodeFilter() {
                    Frame top;

                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof Element el) {
                            if (top != null && ignored(el)) {
                                return FilterResult.SKIP_ENTIRELY;
                            }
                            boolean isBlock = BoilerplateHints.BLOCK_TAGS.contains(el.normalName());
                            top = new Frame(el, top, isBlock, BoilerplateHints.negative(el));
                            if (isBlock || top.hint != BoilerplateHints.NONE) {
                                frames.put(el, top);
                            }
                        } else if (node instanceof TextNode text && top != null) {
                            String s = text.getWholeText();
                            int n = visible(s);
                            if (n == 0) {
                                return FilterResult.CONTINUE;
                            }
                            Frame block = top.block;
                            block.own += n;
                            block.truncated = endsWithEllipsis(s);
                            if (hint != null) {
                                if (block.ownText == null) {
                                    block.ownText = new StringBuilder();
                                }
                                block.ownText.append(s);
                            }
                            if (top.link) {
                                block.ownLink += n;
                            }
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        if (!(node instanceof Element) || top == null) {
                            return FilterResult.CONTINUE;
                        }
                        Frame f = top;
                        if (f.block == f) {
                            f.total += f.own;
                            f.ownGood = f.goodBlock();
                            f.ownHinted =
                                    hint != null && f.ownText != null && hint.contains(f.ownText);
                        }
                        if (f.parent != null) {
                            f.parent.total += f.total;
                        }
                        postOrder.add(f);
                        top = f.parent;
                        return FilterResult.CONTINUE;
                    }
                },
                body);
        return new Measurement(frames, postOrder);
    }

    /**
     * Whether a block's links leave it prose: links under a third of the text, or under three
     * quarters with plenty of plain text besides (a sentence citing its sources).
     */
    static boolean proseLinks(int own, int ownLink) {
        return ownLink * 3 < own || ownLink * 4 < own * 3 && own - ownLink >= PROSE_BESIDE_LINKS;
    }

    /** Plain text beside links that makes a link-rich block prose. */
    static final int PROSE_BESIDE_LINKS = 100;

    /** Whether a text ends with "..." or "…" (an excerpt, not article text). */
    static boolean endsWithEllipsis(String s) {
        int i = s.length() - 1;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = s.charAt(i);
        return c == '\u2026'
                || c == '.' && i >= 2 && s.charAt(i - 1) == '.' && s.charAt(i - 2) == '.';
    }

    /** Non-whitespace characters in a string. */
    static int visible(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && c != '\u00a0' && !Character.isWhitespace(c)) {
                n++;
            }
        }
        return n;
    }

    /** The article body the page declares (JSON-LD {@code articleBody}), to test blocks against. */
    interface BodyHint {
        boolean contains(CharSequence blockText);
    }
}
