package io.vigil.app;

import io.vigil.alerting.AlertingConfiguration;
import io.vigil.api.ApiConfiguration;
import io.vigil.api.alert.AlertApiConfiguration;
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

    /** Saved queries matched on the stream, delivered once per story. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(AppSettings.Role.ALERTING)
    @Import(AlertingConfiguration.class)
    static class Alerting {}

    /**
     * The search, alerts and export APIs (the UI and the operations endpoints are always on). The
     * alerts API talks to the alerting stage only through the alerts topic and the delivery log.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(AppSettings.Role.API)
    @Import({ApiConfiguration.class, AlertApiConfiguration.class, ExportConfiguration.class})
    static class Api {}
}
