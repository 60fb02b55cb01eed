package io.vigil.crawler.page;

final class DevOne {
    public static void main(String[] args) throws Exception {
        for (BenchmarkPages.Page page : BenchmarkPages.load(BenchmarkPages.find())) {
            if (!page.id().startsWith(args[0])) continue;
            org.jsoup.nodes.Document doc =
                    org.jsoup.Jsoup.parse(page.html(), page.url().toString());
            PageMetadata meta = PageMetadata.read(doc, page.url().toString());
            System.out.println(meta);
            ContentExtractor.clean(doc.body());
            ArticleBodyHint hint = ArticleBodyHint.of(meta.articleBody());
            for (ArticleBodyHint h : new ArticleBodyHint[] {hint, null}) {
                if (h == null && hint == null && h != hint) continue;
                ContentExtractor.Measured m = ContentExtractor.measure(doc.body(), h);
                ContentExtractor.Frame c = m.container();
                System.out.println(
                        "hint="
                                + (h != null)
                                + " container "
                                + (c == null
                                        ? null
                                        : c.el.normalName()
                                                + "."
                                                + c.el.className()
                                                + "#"
                                                + c.el.id()
                                                + " good="
                                                + c.good
                                                + " total="
                                                + c.total
                                                + " score="
                                                + c.score
                                                + " furn="
                                                + c.furniture));
                if (c != null) {
                    for (ContentExtractor.Frame p = c.parent; p != null; p = p.parent) {
                        System.out.println(
                                "   up "
                                        + p.el.normalName()
                                        + "."
                                        + p.el.className()
                                        + "#"
                                        + p.el.id()
                                        + " good="
                                        + p.good
                                        + " total="
                                        + p.total
                                        + " furn="
                                        + p.furniture);
                    }
                }
            }
            ExtractedArticle a = new ArticleExtractor(false).extract(page.html(), page.url());
            System.out.println(a.text());
        }
    }
}
