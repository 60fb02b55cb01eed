package io.vigil.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.alert.Alert;
import io.vigil.core.search.InvalidQueryException;
import io.vigil.core.search.QueryValidator;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading and checking an alert as the API receives it. */
class AlertRequestTest {

    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    final QueryValidator validator = new QueryValidator(2000, 256);

    @Test
    void readsTheJsonTheApiTakes() {
        AlertRequest r =
                JsonMapper.builder()
                        .build()
                        .readValue(
                                "{\"owner\":\"ngo\",\"query\":\"organ\",\"email\":{\"to\":[\"a@b.org\"],"
                                        + "\"schedule\":\"DAILY\",\"at\":\"07:30\",\"zone\":\"Europe/Paris\"},"
                                        + "\"webhook\":{\"url\":\"https://hooks.example/x\",\"format\":\"SLACK\"},"
                                        + "\"filters\":{\"languages\":[\"en\"],\"minRelevance\":0.5},\"feed\":true}",
                                AlertRequest.class);
        Alert alert = r.toAlert("id", null, validator, NOW);
        assertThat(alert.delivery().email().schedule()).isEqualTo(Alert.Schedule.DAILY);
        assertThat(alert.delivery().feed().token()).hasSize(32);
        assertThat(alert.filters().languages()).containsExactly("en");
        Alert replaced = r.toAlert("id", alert, validator, NOW.plusSeconds(1));
        assertThat(replaced.delivery().feed()).isEqualTo(alert.delivery().feed());
        assertThat(replaced.createdAt()).isEqualTo(NOW);
    }

    @Test
    void aMalformedQueryIsRefusedWithItsPosition() {
        AlertRequest r =
                new AlertRequest(
                        "ngo", null, "organ AND (harvest", null, null, null, false, false, null);
        assertThatThrownBy(() -> r.toAlert("id", null, validator, NOW))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> {
                            assertThat(e.parameter()).isEqualTo("query");
                            assertThat(e.position()).isEqualTo(18);
                        });
    }
}
