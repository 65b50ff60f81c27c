package org.kinora;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the logic free of the UI: only org.kinora.ui may use JavaFX. */
@AnalyzeClasses(packages = "org.kinora", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule LOGIC_DOES_NOT_USE_JAVAFX = noClasses()
            .that().resideInAnyPackage("org.kinora.model..", "org.kinora.project..", "org.kinora.image..",
                    "org.kinora.render..", "org.kinora.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("model, project I/O, imaging, rendering and the CLI must run headless");

    @ArchTest
    static final ArchRule MODEL_DEPENDS_ON_NO_OTHER_KINORA_PACKAGE = noClasses()
            .that().resideInAPackage("org.kinora.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kinora.project..", "org.kinora.image..",
                    "org.kinora.render..", "org.kinora.cli..", "org.kinora.ui..")
            .because("the timeline model is the core every other part builds on");

    @ArchTest
    static final ArchRule NOTHING_BUT_THE_UI_AND_LAUNCHER_DEPENDS_ON_THE_UI = noClasses()
            .that().resideOutsideOfPackages("org.kinora.ui..")
            .and().doNotHaveFullyQualifiedName("org.kinora.Launcher")
            .should().dependOnClassesThat().resideInAPackage("org.kinora.ui..");

    @ArchTest
    static final ArchRule PROJECT_FILES_DO_NOT_LOAD_CLASSES_OR_RUN_COMMANDS = noClasses()
            .that().resideInAPackage("org.kinora.project..")
            .should().callMethod(Class.class, "forName", String.class)
            .orShould().callMethod(Runtime.class, "exec", String.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
            .because("a project file is data");
}
