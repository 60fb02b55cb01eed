package io.vigil.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemOutcomeTest {

    @Test
    void staleFetchesAreNotErrors() {
        assertThat(ItemOutcome.of(409, "version_conflict_engine_exception"))
                .isEqualTo(ItemOutcome.STALE);
    }

    @Test
    void overloadAndServerErrorsAreRetried() {
        assertThat(ItemOutcome.of(429, "es_rejected_execution_exception"))
                .isEqualTo(ItemOutcome.RETRIABLE);
        assertThat(ItemOutcome.of(503, "unavailable_shards_exception"))
                .isEqualTo(ItemOutcome.RETRIABLE);
        assertThat(ItemOutcome.of(404, "index_not_found_exception"))
                .isEqualTo(ItemOutcome.RETRIABLE);
    }

    @Test
    void mappingErrorsAreDeadLetters() {
        assertThat(ItemOutcome.of(400, "mapper_parsing_exception")).isEqualTo(ItemOutcome.REJECTED);
        assertThat(ItemOutcome.of(400, "document_parsing_exception"))
                .isEqualTo(ItemOutcome.REJECTED);
    }
}
