package io.vigil.app;

import io.vigil.api.ApiConfiguration;
import io.vigil.classifier.ClassifierConfiguration;
import io.vigil.crawler.CrawlerConfiguration;
import io.vigil.dedup.DedupConfiguration;
import io.vigil.export.ExportConfiguration;
import io.vigil.indexer.IndexerConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires each stage module's configuration in when this instance runs its role. */
final class StageConfigurations {

    private StageConfigurations() {}

    /** Feed polling and page fetching. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(AppSettings.Role.CRAWLER)
    @Import(CrawlerConfiguration.class)
    static class Crawler {}

    /** Deduplication and story clustering, then classification. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(AppSettings.Role.PIPELINE)
    @Import({DedupConfiguration.class, ClassifierConfiguration.class})
    static class Pipeline {}

    /** Classified articles into Elasticsearch. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(AppSettings.Role.INDEXER)
    @Import(IndexerConfiguration.class)
    static class Indexer {}

    /** The search and export APIs (the UI and the operations endpoints are always on). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(AppSettings.Role.API)
    @Import({ApiConfiguration.class, ExportConfiguration.class})
    static class Api {}
}
