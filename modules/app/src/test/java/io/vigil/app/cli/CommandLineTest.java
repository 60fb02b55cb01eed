package io.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void normalisesKnownRoles() {
        assertThat(CommandLine.roles("crawler, API,indexer")).isEqualTo("crawler,api,indexer");
    }

    @Test
    void rejectsAnUnknownRoleNamingTheKnownOnes() {
        assertThatThrownBy(() -> CommandLine.roles("crawler,spider"))
                .hasMessageContaining("unknown role 'spider'")
                .hasMessageContaining("alerting");
    }

    @Test
    void unknownCommandsAndBenchmarksAreUsageErrors() {
        assertThat(CommandLine.run(new String[] {"frobnicate"})).isEqualTo(2);
        assertThat(CommandLine.run(new String[] {})).isEqualTo(2);
        assertThat(CommandLine.run(new String[] {"bench", "no-such-benchmark"})).isEqualTo(2);
        assertThat(CommandLine.run(new String[] {"extract"})).isEqualTo(2);
        assertThat(CommandLine.run(new String[] {"help"})).isZero();
    }

    @Test
    void startRejectsStrayArgumentsBeforeStartingAnything() {
        assertThat(CommandLine.run(new String[] {"start", "oops"})).isEqualTo(2);
        assertThat(CommandLine.run(new String[] {"start", "--roles"})).isEqualTo(2);
        assertThat(CommandLine.run(new String[] {"start", "--roles=bogus"})).isEqualTo(2);
    }
}
