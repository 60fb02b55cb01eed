package io.vigil.export;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.core.search.ArticleFilters;
import io.vigil.export.web.ExportController;
import io.vigil.export.web.ExportExceptionHandler;
import io.vigil.export.web.ExportJobs;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Exports over HTTP ({@code /api/exports}) and their settings ({@code vigil.export.*}). Needs an
 * {@link ElasticsearchClient} bean. The query is the search API's ({@link ArticleFilters} with its
 * default bounds).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportProperties.class)
@Import({ExportController.class, ExportExceptionHandler.class})
public class ExportConfiguration {

    @Bean
    Exporter exporter(ElasticsearchClient client, ExportProperties settings) {
        return new Exporter(client, settings, ArticleFilters.defaults());
    }

    @Bean
    StreamExport streamExport(Exporter exporter) {
        return new StreamExport(exporter, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    ExportJobs exportJobs(Exporter exporter, ExportProperties settings) {
        return new ExportJobs(
                new FileExport(exporter, Clock.systemUTC()),
                settings.directory(),
                settings.jobRetention(),
                settings.maxRunningJobs(),
                Clock.systemUTC());
    }
}
