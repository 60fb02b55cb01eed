package io.vigil.testkit.archfixture.crawler;

import io.vigil.testkit.archfixture.core.Record;
import io.vigil.testkit.archfixture.dedup.Clusterer;

/** Fixture: a stage that wrongly calls another stage. */
public class Poller {
    public String poll() {
        return new Clusterer().cluster(new Record("x"));
    }
}
