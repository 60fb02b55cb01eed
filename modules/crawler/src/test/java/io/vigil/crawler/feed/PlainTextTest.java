package io.vigil.crawler.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void stripsMarkupDecodesEntitiesAndKeepsParagraphs() {
        assertThat(
                        PlainText.fromHtml(
                                "<p>One &amp; <b>two</b></p><p>Three<br>four</p>"
                                        + "<script>alert(1)</script><style>p{}</style>"))
                .isEqualTo("One & two\nThree\nfour");
        assertThat(PlainText.fromHtml("a&nbsp;b   c\n d")).isEqualTo("a\u00a0b c d");
        assertThat(PlainText.fromHtml("")).isNull();
    }

    @Test
    void mapsC1ControlsToWindows1252() {
        assertThat(PlainText.fromText("don\u0092t \u0093quote\u0094")).isEqualTo("don’t “quote”");
    }

    @Test
    void keepsAngleBracketsInPlainText() {
        assertThat(PlainText.fromText("  a <b> c  ")).isEqualTo("a <b> c");
    }
}
