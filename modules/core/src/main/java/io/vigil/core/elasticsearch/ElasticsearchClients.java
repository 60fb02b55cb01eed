package io.vigil.core.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.vigil.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds the official Java client for a connection; one place for auth and TLS. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    /**
     * A client whose documents are (de)serialised with {@link Json#mapper()}. Close it when done.
     */
    public static ElasticsearchClient create(ElasticsearchConnection connection) {
        HttpHost[] hosts =
                connection.uris().stream().map(ElasticsearchClients::host).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        if (connection.apiKey() != null) {
            builder.setDefaultHeaders(
                    new Header[] {
                        new BasicHeader("Authorization", "ApiKey " + connection.apiKey())
                    });
        }
        SSLContext ssl = connection.caFile() == null ? null : sslContext(connection.caFile());
        builder.setHttpClientConfigCallback(
                http -> {
                    if (connection.username() != null) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(
                                AuthScope.ANY,
                                new UsernamePasswordCredentials(
                                        connection.username(), connection.password()));
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    if (ssl != null) {
                        http.setSSLContext(ssl);
                    }
                    return http;
                });
        builder.setRequestConfigCallback(
                request ->
                        request.setConnectTimeout((int) connection.connectTimeout().toMillis())
                                .setSocketTimeout((int) connection.socketTimeout().toMillis()));
        RestClient rest = builder.build();
        return new ElasticsearchClient(
                new RestClientTransport(rest, new JacksonJsonpMapper(Json.mapper())));
    }

    private static SSLContext sslContext(Path caFile) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(caFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Elasticsearch CA file " + caFile, e);
        }
    }

    private static HttpHost host(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 9200;
        return new HttpHost(
                uri.getHost(), port, uri.getScheme() == null ? "http" : uri.getScheme());
    }
}
