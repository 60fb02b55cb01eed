package io.vigil.crawler.page;

final class DevBlocks {
    public static void main(String[] args) throws Exception {
        for (BenchmarkPages.Page page : BenchmarkPages.load(BenchmarkPages.find())) {
            if (!page.id().startsWith(args[0])) continue;
            org.jsoup.nodes.Document doc =
                    org.jsoup.Jsoup.parse(page.html(), page.url().toString());
            ContentExtractor.clean(doc.body());
            ContentExtractor.Measured m = ContentExtractor.measure(doc.body(), null);
            for (var e : m.frames().values()) {
                if (e.block != e || e.own == 0) continue;
                String cls = e.el.className();
                boolean inTarget = false;
                for (var p = e; p != null; p = p.parent)
                    if (p.el.className().contains(args[1])) inTarget = true;
                if (!inTarget) continue;
                String t = e.el.ownText();
                System.out.printf(
                        "%s.%s own=%d link=%d good=%s furn=%s | %s%n",
                        e.el.normalName(),
                        cls,
                        e.own,
                        e.ownLink,
                        e.goodBlock(),
                        e.inFurniture(),
                        e.el.text().substring(0, Math.min(80, e.el.text().length())));
            }
        }
    }
}
