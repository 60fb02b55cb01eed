package io.vigil.indexer.template;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetIndexTemplateResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the article index template ({@code elasticsearch/vigil-articles.json}, the file the
 * deploy scripts upload too) idempotently: created when missing, replaced when the file's {@code
 * version} is newer than the cluster's, left alone otherwise. Existing monthly indices keep their
 * mapping; the next month's index gets the new one.
 */
public final class IndexTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);

    /** The template resource on the class path. */
    public static final String ARTICLES = "/elasticsearch/vigil-articles.json";

    private static final String DEFAULT_ALIAS = "vigil-articles";

    /** What applying a template did. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    private final ElasticsearchClient client;

    public IndexTemplates(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Applies the article template for {@code alias}: named {@code alias}, for indices {@code
     * alias-*}, which join {@code alias}.
     */
    public Outcome applyArticles(String alias) {
        ObjectNode body = articleTemplate(alias);
        long version = body.path("version").asLong();
        try {
            GetIndexTemplateResponse existing =
                    client.indices().getIndexTemplate(g -> g.name(alias + "*"));
            Long current =
                    existing.indexTemplates().stream()
                            .filter(t -> t.name().equals(alias))
                            .map(t -> t.indexTemplate().version())
                            .findFirst()
                            .orElse(null);
            if (current != null && current >= version) {
                LOG.info("Index template {} is at version {}: unchanged", alias, current);
                return Outcome.UNCHANGED;
            }
            String json = Json.mapper().writeValueAsString(body);
            client.indices().putIndexTemplate(p -> p.name(alias).withJson(new StringReader(json)));
            Outcome outcome = current == null ? Outcome.CREATED : Outcome.UPDATED;
            LOG.info(
                    "Index template {} {} (version {}, indices {}-*)",
                    alias,
                    outcome.name().toLowerCase(java.util.Locale.ROOT),
                    version,
                    alias);
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot apply the index template " + alias, e);
        }
    }

    /** The template file with the index pattern and alias renamed for {@code alias}. */
    static ObjectNode articleTemplate(String alias) {
        ObjectNode body;
        try (InputStream in = IndexTemplates.class.getResourceAsStream(ARTICLES)) {
            if (in == null) {
                throw new IllegalStateException(ARTICLES + " is missing from the class path");
            }
            body = (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ARTICLES, e);
        }
        body.putArray("index_patterns").add(alias + "-*");
        ObjectNode template = (ObjectNode) body.get("template");
        JsonNode aliases = template.path("aliases");
        if (!aliases.has(DEFAULT_ALIAS)) {
            throw new IllegalStateException(ARTICLES + " must put its indices in " + DEFAULT_ALIAS);
        }
        template.putObject("aliases").set(alias, JsonNodeFactory.instance.objectNode());
        return body;
    }
}
