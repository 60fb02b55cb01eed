package io.vigil.crawler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void bomBeatsHeaderWhichBeatsDeclaration() {
        byte[] withBom = {(byte) 0xFF, (byte) 0xFE, '<', 0, 'a', 0};
        byte[] declared = ascii("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss/>");

        assertThat(CharsetSniffer.detect(withBom, "text/xml; charset=utf-8"))
                .isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(CharsetSniffer.detect(declared, "application/rss+xml; charset=\"UTF-8\""))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(CharsetSniffer.detect(declared, "application/rss+xml"))
                .isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void toleratesOddHeaderSyntaxAndIgnoresUnknownNames() {
        assertThat(CharsetSniffer.headerCharset("text/xml;charset= 'us-ascii'"))
                .isEqualTo(StandardCharsets.US_ASCII);
        assertThat(CharsetSniffer.headerCharset("text/xml;charset = iso-8859-1"))
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(CharsetSniffer.headerCharset("text/xml; charset=bogus-charset")).isNull();
        assertThat(CharsetSniffer.headerCharset("text/xml; charset:iso-8859-1")).isNull();
    }

    @Test
    void detectsUtf16And32WithoutBomFromTheXmlPattern() {
        byte[] utf16be = "<?xml version=\"1.0\"?><rss/>".getBytes(StandardCharsets.UTF_16BE);
        byte[] utf32le = "<?xml version=\"1.0\"?>".getBytes(Charset.forName("UTF-32LE"));

        assertThat(CharsetSniffer.xmlCharset(utf16be)).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(CharsetSniffer.xmlCharset(utf32le)).isEqualTo(Charset.forName("UTF-32LE"));
    }

    @Test
    void ignoresADeclaredUtf16InAnAsciiCompatibleStream() {
        assertThat(CharsetSniffer.xmlCharset(ascii("<?xml version='1.0' encoding='utf-16'?><a/>")))
                .isNull();
        assertThat(CharsetSniffer.detect(ascii("<rss/>"), "text/xml")).isNull();
    }
}
