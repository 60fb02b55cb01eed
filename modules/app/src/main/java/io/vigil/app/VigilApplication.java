package io.vigil.app;

import io.vigil.app.cli.CommandLine;
import io.vigil.dedup.DedupConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Vigil in one JVM: every role by default, a subset with {@code --roles}. */
@SpringBootApplication
@EnableConfigurationProperties(AppSettings.class)
@Import(DedupConfiguration.class)
public class VigilApplication {

    public static void main(String[] args) {
        int code = CommandLine.run(args);
        if (code != CommandLine.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
