/**
 * The crawler stage: {@code feed} polls feeds (Rome), {@code page} fetches and extracts articles
 * (jsoup), {@code http} and {@code politeness} are the one HTTP layer both use.
 */
package io.vigil.crawler;
