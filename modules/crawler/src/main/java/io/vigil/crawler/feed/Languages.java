package io.vigil.crawler.feed;

/** Language tags as BCP 47 writes them: {@code en_US} becomes {@code en-US}. */
final class Languages {

    private Languages() {}

    static String normalize(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().replace('_', '-');
        return t.isEmpty() ? null : t;
    }
}
