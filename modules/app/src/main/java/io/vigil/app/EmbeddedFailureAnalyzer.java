package io.vigil.app;

import io.vigil.embedded.PortInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken port into one clear line naming the setting, instead of a stack trace. */
class EmbeddedFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Start with --"
                        + cause.setting()
                        + "=<free port>, or stop the process on port "
                        + cause.port()
                        + ".",
                cause);
    }
}
