package io.vigil.indexer.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.core.search.ArticleDocument;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IndexTemplatesTest {

    @Test
    void renamesPatternAndAliasForAnotherAlias() {
        ObjectNode t = IndexTemplates.articleTemplate("t-1.articles");
        assertThat(t.get("index_patterns").toString()).isEqualTo("[\"t-1.articles-*\"]");
        assertThat(t.at("/template/aliases").fieldNames())
                .toIterable()
                .containsExactly("t-1.articles");
        assertThat(t.get("version").asInt()).isPositive();
    }

    @Test
    void mapsEveryDocumentField() {
        ObjectNode t = IndexTemplates.articleTemplate(ArticleDocument.ALIAS);
        var properties = t.at("/template/mappings/properties");
        assertThat(
                        Arrays.stream(ArticleDocument.class.getRecordComponents())
                                .map(RecordComponent::getName))
                .allSatisfy(name -> assertThat(properties.has(name)).as(name).isTrue());
        assertThat(properties.at("/languages/properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrderElementsOf(ArticleDocument.LANGUAGE_KEYS);
    }
}
