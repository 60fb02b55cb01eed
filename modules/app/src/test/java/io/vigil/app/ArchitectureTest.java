package io.vigil.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vigil.testkit.VigilArchitecture;
import org.junit.jupiter.api.Test;

/** The app sees every module, so the dependency rule is checked here over all of them. */
class ArchitectureTest {

    @Test
    void stagesDependOnCoreOnly() {
        JavaClasses classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.vigil");
        VigilArchitecture.stagesDependOnCoreOnly("io.vigil").check(classes);
    }
}
