package io.vigil.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** Architecture rules every build checks (see the app module's ArchitectureTest). */
public final class VigilArchitecture {

    private VigilArchitecture() {}

    /**
     * Pipeline stages (every top-level package under {@code root} but core, app, embedded and
     * testkit) depend on {@code core} only, never on each other or on the embedded servers: they
     * talk through Kafka topics.
     *
     * @param root the root package, {@code io.vigil} in production
     */
    public static ArchRule stagesDependOnCoreOnly(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("stage '$1'")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAnyPackage(root + ".core.."))
                .ignoreDependency(
                        resideInAnyPackage(root + ".app..", root + ".testkit..", root + ".core.."),
                        alwaysTrue())
                .because(
                        "stages talk only through Kafka topics: put shared records and helpers in"
                                + " "
                                + root
                                + ".core, and replace the call into another stage by a record"
                                + " that stage publishes or consumes (wiring belongs in"
                                + " "
                                + root
                                + ".app)");
    }
}
