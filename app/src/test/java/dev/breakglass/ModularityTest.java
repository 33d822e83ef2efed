package dev.breakglass;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages depend on each other only through their public types, and never in a cycle. */
class ModularityTest {

    /** The jOOQ classes generated from the migrations are the shared schema, not a feature. */
    static final ApplicationModules MODULES =
            ApplicationModules.of(Application.class, resideInAPackage("dev.breakglass.db.."));

    @Test
    void moduleBoundaries_hold() {
        MODULES.verify();
    }
}
