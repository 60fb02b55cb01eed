package io.vigil.app.web;

import io.vigil.app.AppSettings;
import io.vigil.app.ConditionalOnRole;
import io.vigil.crawler.CrawlerProperties;
import io.vigil.crawler.discovery.FeedDiscoverer;
import io.vigil.crawler.http.HttpFetcher;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/feeds/discover?site=...}: the feeds of a site, verified by parsing them, as
 * {@code vigil discover} finds them. It lives in the app because it runs the crawler's discovery
 * (the API module depends on core only); it runs with the API role. Fetches follow the crawler's
 * rules, private addresses refused unless {@code vigil.crawler.http.allowed-addresses} lists them.
 */
@RestController
@ConditionalOnRole(AppSettings.Role.API)
class DiscoveryController {

    private final CrawlerProperties.Http http;

    DiscoveryController(Environment environment) {
        List<String> allowed =
                Binder.get(environment)
                        .bind("vigil.crawler.http.allowed-addresses", Bindable.listOf(String.class))
                        .orElse(List.of());
        this.http = CrawlerProperties.Http.defaults().withAllowedAddresses(allowed);
    }

    @GetMapping(path = "/api/feeds/discover", produces = "application/json")
    FeedDiscoverer.Discovery discover(@RequestParam String site) {
        URI uri;
        try {
            uri = URI.create(site.contains("://") ? site.trim() : "https://" + site.trim());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a URL: " + site);
        }
        if (uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "The site must be an http or https URL.");
        }
        try (HttpFetcher fetcher = new HttpFetcher(http)) {
            return new FeedDiscoverer(fetcher).discover(uri);
        }
    }
}
