package io.vigil.classifier.place;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.text.TextAnalyzer;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.load();
    }

    static Gazetteer.Mentions find(String text) {
        return gazetteer.find(TextAnalyzer.INSTANCE.tokens(text));
    }

    @Test
    void countriesInSeveralLanguagesMostMentionedFirst() {
        Gazetteer.Mentions m =
                find(
                        "Germany and France raised it with China; China denied it. The United"
                                + " States abstained.");
        assertThat(m.countries()).containsExactly("CN", "DE", "FR", "US");
        assertThat(find("Deutschland, Frankreich und Japan").countries())
                .containsExactly("DE", "FR", "JP");
        assertThat(find("中国和美国").countries()).containsExactly("CN", "US");
        assertThat(find("Китай и Россия").countries()).containsExactly("CN", "RU");
        assertThat(find("중국은 한국과").countries()).containsExactly("CN", "KR");
    }

    @Test
    void regionsCountForTheirCountry() {
        Gazetteer.Mentions m = find("Camps in Xinjiang and schools in Tibet; 新疆 again.");
        assertThat(m.regions()).containsExactly("xinjiang", "tibet");
        assertThat(m.countries()).containsExactly("CN");
    }

    @Test
    void commonWordsAreNotCountries() {
        assertThat(find("Let us turn to Chad, who bought a turkey.").countries()).isEmpty();
    }

    @Test
    void outletCountryFromTheFeedElseTheDomain() {
        URI de = URI.create("https://www.spiegel.de/a");
        assertThat(OutletCountries.of("gb", de)).isEqualTo("GB");
        assertThat(OutletCountries.of(null, de)).isEqualTo("DE");
        assertThat(OutletCountries.of(null, URI.create("https://www.bbc.co.uk/x"))).isEqualTo("GB");
        assertThat(OutletCountries.of(null, URI.create("https://example.com/x"))).isNull();
        assertThat(OutletCountries.of(null, URI.create("https://news.tv/x"))).isNull();
    }
}
