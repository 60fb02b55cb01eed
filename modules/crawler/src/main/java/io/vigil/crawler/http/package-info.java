/**
 * The crawler's one HTTP layer: {@link io.vigil.crawler.http.HttpFetcher} (redirects, timeouts,
 * body limit, gzip, address blocking, politeness) and its request, result and outcome types.
 */
package io.vigil.crawler.http;
