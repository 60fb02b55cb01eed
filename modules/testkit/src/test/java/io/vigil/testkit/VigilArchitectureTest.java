package io.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class VigilArchitectureTest {

    @Test
    void flagsAStageThatCallsAnotherStage() {
        JavaClasses classes =
                new ClassFileImporter().importPackages("io.vigil.testkit.archfixture");
        assertThatThrownBy(
                        () ->
                                VigilArchitecture.stagesDependOnCoreOnly(
                                                "io.vigil.testkit.archfixture")
                                        .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("stage 'crawler'")
                .hasMessageContaining("stage 'dedup'")
                .hasMessageContaining("talk only through Kafka topics");
    }

    @Test
    void acceptsStagesThatDependOnCoreOnly() {
        JavaClasses classes = new ClassFileImporter().importPackages("io.vigil.testkit.archclean");
        assertThatCode(
                        () ->
                                VigilArchitecture.stagesDependOnCoreOnly(
                                                "io.vigil.testkit.archclean")
                                        .check(classes))
                .doesNotThrowAnyException();
    }
}
