package io.vigil.crawler.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorsTest {

    @Test
    void keepsNamesAndDropsAddresses() {
        assertThat(Authors.name("me@example.com (Jane Roe)")).isEqualTo("Jane Roe");
        assertThat(Authors.name("Jane Roe (me@example.com)")).isEqualTo("Jane Roe");
        assertThat(Authors.name("Jane Roe <me@example.com>")).isEqualTo("Jane Roe");
        assertThat(Authors.name("me@example.com")).isNull();
        assertThat(Authors.name(" Jane  Roe ")).isEqualTo("Jane Roe");
    }
}
