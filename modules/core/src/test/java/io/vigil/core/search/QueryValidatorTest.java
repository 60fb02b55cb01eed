package io.vigil.core.search;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryValidatorTest {

    private final QueryValidator validator = new QueryValidator(200, 20);

    @Test
    void acceptsTheLuceneSyntaxUsersWrite() {
        for (String q :
                new String[] {
                    "organ harvesting",
                    "organ AND (harvest* OR transplant) NOT kidney",
                    "\"forced organ harvesting\"~3",
                    "title:\"falun gong\" -sport",
                    "outlet:\"BBC News\" language:zh",
                    "harv?st organ~1",
                    "date:[2025-01-01 TO 2025-12-31]",
                    "title:*",
                    "/harvest(ing|ed)/",
                    "强制摘取器官",
                    "_exists_:description",
                    "languages.\\*.title:器官"
                }) {
            assertThatCode(() -> validator.validate(q)).as(q).doesNotThrowAnyException();
        }
    }

    @Test
    void saysWhereASyntaxErrorIs() {
        assertThatThrownBy(() -> validator.validate("organ AND (harvest OR"))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> {
                            org.assertj.core.api.Assertions.assertThat(e.position()).isEqualTo(21);
                            org.assertj.core.api.Assertions.assertThat(e.line()).isEqualTo(1);
                        });
        assertThatThrownBy(() -> validator.validate("organ ) harvest"))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> {
                            org.assertj.core.api.Assertions.assertThat(e.column()).isEqualTo(7);
                            org.assertj.core.api.Assertions.assertThat(e.position()).isEqualTo(6);
                        });
        assertThatThrownBy(() -> validator.validate("a\nb ) c"))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> {
                            org.assertj.core.api.Assertions.assertThat(e.line()).isEqualTo(2);
                            org.assertj.core.api.Assertions.assertThat(e.column()).isEqualTo(3);
                        });
        assertThatThrownBy(() -> validator.validate("title:\"unclosed phrase"))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void refusesLeadingWildcardsSayingWhere() {
        assertThatThrownBy(() -> validator.validate("organ *vesting"))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> {
                            org.assertj.core.api.Assertions.assertThat(e.position()).isEqualTo(6);
                            org.assertj.core.api.Assertions.assertThat(e.getMessage())
                                    .contains("wildcard");
                        });
        assertThatThrownBy(() -> validator.validate("title:?arvest"))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void refusesQueriesTooLongOrWithTooManyClauses() {
        assertThatThrownBy(() -> validator.validate("a".repeat(201)))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> validator.validate("a b c d e f g h i j k l m n o p q r s t u v"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("clauses");
    }
}
