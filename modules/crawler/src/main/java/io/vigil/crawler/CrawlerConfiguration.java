package io.vigil.crawler;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.core.kafka.Topics;
import io.vigil.crawler.demo.DemoSite;
import io.vigil.crawler.feed.FeedCrawler;
import io.vigil.crawler.feed.FeedPoller;
import io.vigil.crawler.http.HttpFetcher;
import io.vigil.crawler.page.ArticleExtractor;
import io.vigil.crawler.page.PageFetchListener;
import io.vigil.crawler.page.PageFetcher;
import io.vigil.crawler.schedule.PollSchedule;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The crawler stage's beans: the one HTTP layer, the feed crawler, the topics it produces, and the
 * demo site in demo mode. The app imports this when the instance runs the crawler role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrawlerProperties.class)
public class CrawlerConfiguration {

    @Bean(destroyMethod = "close")
    HttpFetcher crawlerHttpFetcher(CrawlerProperties properties) {
        return new HttpFetcher(properties.http());
    }

    /** The demo corpus on 127.0.0.1, in demo mode only; started before the crawler polls it. */
    @Bean(destroyMethod = "close")
    DemoSiteHolder demoSite(CrawlerProperties properties) {
        CrawlerProperties.Demo demo = properties.demo();
        return new DemoSiteHolder(demo.enabled() ? DemoSite.start(demo.root(), demo.port()) : null);
    }

    @Bean
    FeedCrawler feedCrawler(
            Topics topics,
            CrawlerProperties properties,
            HttpFetcher crawlerHttpFetcher,
            ConsumerFactory<?, ?> consumerFactory,
            ProducerFactory<?, ?> producerFactory,
            ObjectProvider<MeterRegistry> registry,
            DemoSiteHolder demoSite) {
        FeedPoller poller =
                new FeedPoller(
                        crawlerHttpFetcher,
                        new PollSchedule(properties.schedule(), new Random()),
                        properties.schedule().seenCapacity(),
                        Clock.systemUTC());
        return new FeedCrawler(
                topics,
                consumerFactory.getConfigurationProperties(),
                producerFactory.getConfigurationProperties(),
                poller,
                properties.feeds(),
                new FeedCrawler.ScheduleDefaults(properties.schedule().defaultInterval()),
                Clock.systemUTC(),
                registry.getIfAvailable(
                        io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
    }

    @Bean
    ArticleExtractor articleExtractor() {
        return new ArticleExtractor();
    }

    /** Consumes discovered entries, produces fetched articles (or dead letters). */
    @Bean(destroyMethod = "close")
    PageFetchListener pageFetchListener(
            Topics topics,
            HttpFetcher crawlerHttpFetcher,
            ArticleExtractor articleExtractor,
            ProducerFactory<?, ?> producerFactory) {
        return new PageFetchListener(
                new PageFetcher(crawlerHttpFetcher, articleExtractor, Clock.systemUTC()),
                topics,
                producerFactory.getConfigurationProperties(),
                Clock.systemUTC());
    }

    @Bean
    NewTopic articlesFetchedTopic(Topics topics) {
        return deleteAfter(topics.articlesFetched(), 6, Duration.ofDays(7));
    }

    @Bean
    NewTopic feedsTopic(Topics topics, CrawlerProperties properties) {
        return TopicBuilder.name(topics.feeds())
                .partitions(properties.feeds().partitions())
                .compact()
                .build();
    }

    @Bean
    NewTopic feedStateTopic(Topics topics, CrawlerProperties properties) {
        return TopicBuilder.name(topics.feedState())
                .partitions(properties.feeds().partitions())
                .compact()
                .build();
    }

    @Bean
    NewTopic entriesDiscoveredTopic(Topics topics) {
        return deleteAfter(topics.entriesDiscovered(), 6, Duration.ofDays(7));
    }

    @Bean
    NewTopic crawlerDeadLetterTopic(Topics topics) {
        return deleteAfter(topics.deadLetters("crawler"), 3, Duration.ofDays(30));
    }

    /** The demo site, if it runs. */
    record DemoSiteHolder(DemoSite site) implements AutoCloseable {
        @Override
        public void close() {
            if (site != null) {
                site.close();
            }
        }
    }

    /** A topic whose records are deleted after {@code retention}. */
    private static NewTopic deleteAfter(String name, int partitions, Duration retention) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()))
                .build();
    }
}
