package io.vigil.core.elasticsearch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to reach an Elasticsearch cluster: addresses, credentials (an API key, or a user name and
 * password) and, for TLS with a private CA, the CA certificate in PEM.
 *
 * @param uris one or more node addresses, e.g. {@code https://es1:9200}
 * @param apiKey an encoded API key, or null
 * @param username basic-auth user, or null
 * @param password basic-auth password, or null
 * @param caFile a PEM CA certificate to trust, or null to use the JVM's trust store
 * @param connectTimeout connection timeout
 * @param socketTimeout read timeout
 */
public record ElasticsearchConnection(
        List<URI> uris,
        String apiKey,
        String username,
        String password,
        Path caFile,
        Duration connectTimeout,
        Duration socketTimeout) {

    public ElasticsearchConnection {
        if (uris == null || uris.isEmpty()) {
            throw new IllegalArgumentException("at least one Elasticsearch URI is needed");
        }
        uris = List.copyOf(uris);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        socketTimeout = socketTimeout == null ? Duration.ofSeconds(60) : socketTimeout;
        if (apiKey != null && username != null) {
            throw new IllegalArgumentException("give an API key or a user name, not both");
        }
    }

    /** An unauthenticated connection with default timeouts (the embedded node). */
    public static ElasticsearchConnection of(URI uri) {
        return new ElasticsearchConnection(List.of(uri), null, null, null, null, null, null);
    }

    @Override
    public String toString() { // never print secrets
        return "ElasticsearchConnection[uris="
                + uris
                + ", auth="
                + (apiKey != null ? "api-key" : username != null ? "basic" : "none")
                + ", caFile="
                + caFile
                + "]";
    }
}
