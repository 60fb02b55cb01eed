package io.vigil.app.connection;

import io.vigil.core.elasticsearch.ElasticsearchConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Vigil's Elasticsearch is. With no URIs (the default), the embedded node starts.
 *
 * @param uris node addresses of an external cluster; env {@code VIGIL_ELASTICSEARCH}
 * @param apiKey an encoded API key ({@code id:key} base64), or empty
 * @param username basic-auth user name, or empty
 * @param password basic-auth password
 * @param caFile PEM certificate of the CA that signed the cluster's TLS certificate, or empty
 * @param connectTimeout connection timeout; default 5 s
 * @param socketTimeout read timeout; default 60 s
 */
@Validated
@ConfigurationProperties("vigil.elasticsearch")
public record ElasticsearchSettings(
        List<URI> uris,
        String apiKey,
        String username,
        String password,
        Path caFile,
        Duration connectTimeout,
        Duration socketTimeout) {

    public ElasticsearchSettings {
        uris = uris == null ? List.of() : List.copyOf(uris);
        apiKey = blankToNull(apiKey);
        username = blankToNull(username);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        socketTimeout = socketTimeout == null ? Duration.ofSeconds(60) : socketTimeout;
    }

    /** True when an external cluster is configured and nothing is embedded. */
    public boolean external() {
        return !uris.isEmpty();
    }

    /** The connection to the external cluster, or to {@code embedded} when none is configured. */
    ElasticsearchConnection connection(URI embedded) {
        if (!external()) {
            return ElasticsearchConnection.of(embedded);
        }
        return new ElasticsearchConnection(
                uris, apiKey, username, password, caFile, connectTimeout, socketTimeout);
    }

    @Override
    public String toString() { // never print secrets
        return "ElasticsearchSettings[uris=" + uris + ", caFile=" + caFile + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
