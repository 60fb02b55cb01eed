package io.vigil.crawler.page;

public final class DebugAccess {
    public static boolean removed(org.jsoup.nodes.Element e) {
        return BoilerplateHints.REMOVED_TAGS.contains(e.normalName()) || BoilerplateHints.hidden(e);
    }

    public static int neg(org.jsoup.nodes.Element e) {
        return BoilerplateHints.negative(e);
    }
}
