/**
 * Feed parsing: RSS, Atom, JSON Feed and sitemaps into {@link io.vigil.crawler.feed.ParsedFeed},
 * and the feedparser robustness benchmark.
 */
package io.vigil.crawler.feed;
