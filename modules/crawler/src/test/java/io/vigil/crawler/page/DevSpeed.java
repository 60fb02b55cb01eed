package io.vigil.crawler.page;

import java.util.List;

final class DevSpeed {
    public static void main(String[] args) throws Exception {
        List<BenchmarkPages.Page> pages = BenchmarkPages.load(BenchmarkPages.find());
        ArticleExtractor noLang = new ArticleExtractor(false);
        ArticleExtractor lang = new ArticleExtractor(true);
        for (int r = 0; r < 4; r++) {
            long t0 = System.nanoTime();
            for (BenchmarkPages.Page p : pages) org.jsoup.Jsoup.parse(p.html(), p.url().toString());
            long t1 = System.nanoTime();
            for (BenchmarkPages.Page p : pages) {
                var d = org.jsoup.Jsoup.parse(p.html(), p.url().toString());
                PageMetadata.read(d, p.url().toString());
            }
            long t2 = System.nanoTime();
            for (BenchmarkPages.Page p : pages) noLang.extract(p.html(), p.url());
            long t3 = System.nanoTime();
            for (BenchmarkPages.Page p : pages) lang.extract(p.html(), p.url());
            long t4 = System.nanoTime();
            System.out.printf(
                    "ms/page parse %.2f  +meta %.2f  full %.2f  +lang %.2f%n",
                    (t1 - t0) / 1e6 / pages.size(),
                    (t2 - t1) / 1e6 / pages.size(),
                    (t3 - t2) / 1e6 / pages.size(),
                    (t4 - t3) / 1e6 / pages.size());
        }
    }
}
