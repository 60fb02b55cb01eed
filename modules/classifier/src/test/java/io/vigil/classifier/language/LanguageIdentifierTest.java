package io.vigil.classifier.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {

    static LanguageIdentifier languages;

    @BeforeAll
    static void load() {
        languages = new LanguageIdentifier(true);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|UN experts alarmed by reports of forced organ harvesting in China",
                "de|Bundestag debattiert über Organhandel und Zwangsarbeit in Xinjiang",
                "fr|Le Parlement européen condamne les prélèvements forcés d'organes",
                "es|Detienen a una docena de fieles de una iglesia doméstica",
                "it|Il governo valuta nuove sanzioni contro i responsabili",
                "pt|Pequim garante que os transplantes são totalmente voluntários",
                "nl|China ontkent verdwijning van Tibetaanse activist",
                "pl|Sejm debatuje nad ustawą o handlu narządami",
                "ru|МИД Китая отверг обвинения правозащитников",
                "uk|Посольство КНР відкинуло звинувачення правозахисників",
                "zh|法轮功学员在狱中遭受迫害",
                "ja|中国の臓器移植をめぐる疑惑について国会で質問",
                "ko|유엔 전문가들이 중국의 강제 장기 적출 의혹에 우려를 표명했다",
                "ar|خبراء الأمم المتحدة يعربون عن قلقهم إزاء احتجاز الإيغور",
                "tr|Çin Büyükelçiliği iddiaları asılsız olarak nitelendirdi",
                "vi|Giới y khoa quốc tế siết hợp tác với các bệnh viện",
                "ug|ئۇيغۇرلارنىڭ لاگېرلاردا تۇتۇپ تۇرۇلۇشى ھەققىدە يېڭى دوكلات ئېلان قىلىندى",
                "bo|བོད་ཀྱི་མི་དམངས་ལ་བཙན་གནོན་བྱེད་པའི་སྐོར",
            })
    void identifiesHeadlines(String expected, String headline) {
        assertThat(languages.identify(headline, null).code()).isEqualTo(expected);
    }

    @Test
    void longTextsAndConfidence() {
        String text =
                "The tribunal concluded that forced organ harvesting had been committed for years"
                        + " on a significant scale, and that practitioners of Falun Gong had"
                        + " probably been the principal source of organs. Governments were urged"
                        + " to act on the findings without further delay.";
        var language = languages.identify("Tribunal findings", text);
        assertThat(language.code()).isEqualTo("en");
        assertThat(language.confidence()).isBetween(0.25, 1.0);
    }

    @Test
    void noLettersIsUndetermined() {
        assertThat(languages.identify("2026-11-26", "12:00 — 42 %").code()).isEqualTo("und");
        assertThat(languages.identify(null, null).code()).isEqualTo("und");
    }
}
