package io.vigil.crawler.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BoilerplateHintsTest {

    private static int named(String cls) {
        Element el = Jsoup.parse("<div class=\"" + cls + "\"></div>").selectFirst("div");
        return BoilerplateHints.negative(el);
    }

    @Test
    void namesPartsWhole() {
        assertThat(named("related-stories")).isEqualTo(BoilerplateHints.STRONG);
        assertThat(named("shareBar")).isEqualTo(BoilerplateHints.STRONG);
        assertThat(named("post_comments")).isEqualTo(BoilerplateHints.STRONG);
        assertThat(named("byline")).isEqualTo(BoilerplateHints.WEAK);
        assertThat(named("commentary-body")).isEqualTo(BoilerplateHints.NONE);
        assertThat(named("page-header-image")).isEqualTo(BoilerplateHints.WEAK);
        assertThat(named("headline")).isEqualTo(BoilerplateHints.NONE);
        assertThat(named("loaded")).isEqualTo(BoilerplateHints.NONE);
    }

    @Test
    void contentNamesAndLayoutNamesWin() {
        assertThat(named("entry-content has-share-buttons")).isEqualTo(BoilerplateHints.NONE);
        assertThat(named("content-with-sidebar")).isEqualTo(BoilerplateHints.NONE);
        assertThat(named("l-grid--with-right-rail")).isEqualTo(BoilerplateHints.NONE);
        assertThat(named("story-body sidebar")).isEqualTo(BoilerplateHints.NONE);
    }

    @Test
    void commentSections() {
        Element comments = Jsoup.parse("<div id=\"comments\"></div>").selectFirst("div");
        Element commentary = Jsoup.parse("<div class=\"commentary\"></div>").selectFirst("div");
        assertThat(BoilerplateHints.comments(comments)).isTrue();
        assertThat(BoilerplateHints.comments(commentary)).isFalse();
    }

    @Test
    void hiddenElements() {
        assertThat(BoilerplateHints.hidden(el("<div style=\"display: none\"></div>"))).isTrue();
        assertThat(BoilerplateHints.hidden(el("<div hidden></div>"))).isTrue();
        assertThat(BoilerplateHints.hidden(el("<div style=\"color: red\"></div>"))).isFalse();
    }

    private static Element el(String html) {
        return Jsoup.parse(html).selectFirst("div");
    }
}
