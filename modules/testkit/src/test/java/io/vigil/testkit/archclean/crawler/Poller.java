package io.vigil.testkit.archclean.crawler;

import io.vigil.testkit.archclean.core.Record;

/** Fixture: a stage that depends on core only. */
public class Poller {
    public Record poll() {
        return new Record("x");
    }
}
