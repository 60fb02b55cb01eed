package io.vigil.crawler.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptStripperTest {

    @Test
    void cutsScriptsAndStylesButKeepsJsonLd() {
        String html =
                "<head><script>var a = '</div>'; if (a < b) {}</script>"
                        + "<STYLE type=text/css>p { color: red }</STYLE>"
                        + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
                        + "</head><body><p>Text</p><Script>x()</sCRIPT ><scripts>kept</scripts></body>";
        assertThat(ScriptStripper.strip(html))
                .isEqualTo(
                        "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}"
                                + "</script></head><body><p>Text</p><scripts>kept</scripts></body>");
    }

    @Test
    void anUnclosedScriptIsLeftToTheParser() {
        String html = "<p>a</p><script>never closed";
        assertThat(ScriptStripper.strip(html)).isEqualTo(html);
        assertThat(ScriptStripper.strip("")).isEmpty();
        assertThat(ScriptStripper.strip("<s")).isEqualTo("<s");
    }
}
