package io.vigil.app;

import io.vigil.crawler.CrawlerConfiguration;
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
}
