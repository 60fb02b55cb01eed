package io.vigil.testkit.archfixture.dedup;

import io.vigil.testkit.archfixture.core.Record;

/** Fixture: a stage. */
public class Clusterer {
    public String cluster(Record record) {
        return record.id();
    }
}
