/** Per-host request serialisation, delays and back-off, and robots.txt (RFC 9309). */
package io.vigil.crawler.politeness;
