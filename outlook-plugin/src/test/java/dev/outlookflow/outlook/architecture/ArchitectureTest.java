package dev.outlookflow.outlook.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages depend on each other one way, as ARCHITECTURE.md draws them: mail uses the
 * connection, which signs in through auth, which calls nothing of theirs; graph is below all three.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.outlookflow.outlook";
  /** Top to bottom: a package may depend on those after it, never on those before it. */
  static final List<String> TOP_DOWN = List.of("mail", "connection", "services", "auth", "settings", "graph");
  private static final JavaClasses PLUGIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  @Test
  void noPackagesDependOnEachOtherInACircle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(PLUGIN);
  }

  @Test
  void everyPackageDependsOnlyOnThoseBelowIt() {
    for (int i = 1; i < TOP_DOWN.size(); i++) {
      String[] above = TOP_DOWN.subList(0, i).stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage(ROOT + "." + TOP_DOWN.get(i) + "..")
          .should().dependOnClassesThat().resideInAnyPackage(above)
          .because(TOP_DOWN.get(i) + " sits below " + String.join(", ", TOP_DOWN.subList(0, i)))
          .check(PLUGIN);
    }
  }
}
