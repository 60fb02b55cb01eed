package io.vigil.crawler.page;

final class DevLang {
    public static void main(String[] args) throws Exception {
        String text =
                "The company, which is expected to lay off thousands of employees beginning this week as it faces ballooning losses, confirmed on Monday that it had been contacted by the office of the NYAG, Letitia James. "
                        .repeat(5);
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) LanguageDetection.detect(text);
            System.out.println(
                    (System.nanoTime() - t0) / 200 / 1000
                            + " us/detect "
                            + LanguageDetection.detect(text));
        }
    }
}
