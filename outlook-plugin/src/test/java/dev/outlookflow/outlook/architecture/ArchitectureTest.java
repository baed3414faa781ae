package dev.outlookflow.outlook.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages depend on each other one way, as ARCHITECTURE.md draws them: mail uses the
 * connection type, both use the services the plugin keeps, which sign in through auth; what a connection
 * is (settings) and Graph are below them all. The root package, where the plugin makes its extensions, is
 * its own slice, above the rest.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.outlookflow.outlook";
  /** Top to bottom: a package may depend on those after it, never on those before it. */
  static final List<String> TOP_DOWN = List.of("(root)", "mail", "connection", "services", "auth", "settings",
      "graph");
  private static final JavaClasses PLUGIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  static Optional<String> sliceOf(JavaClass javaClass) {
    String name = javaClass.getPackageName();
    if (name.equals(ROOT)) {
      return Optional.of("(root)");
    }
    return name.startsWith(ROOT + ".") ? Optional.of(name.substring(ROOT.length() + 1).split("\\.")[0])
        : Optional.empty();
  }

  /** Slices by the package under the root, the root's own classes as {@code (root)}. */
  private static final SliceAssignment BY_FEATURE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return sliceOf(javaClass).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
    }

    @Override
    public String getDescription() {
      return "the plugin's packages, its root package included";
    }
  };

  @Test
  void noPackagesDependOnEachOtherInACircle() {
    slices().assignedFrom(BY_FEATURE).should().beFreeOfCycles().check(PLUGIN);
  }

  @Test
  void everyPackageIsPlaced() {
    PLUGIN.forEach(c -> {
      String slice = sliceOf(c).orElseThrow();
      if (!TOP_DOWN.contains(slice)) {
        throw new AssertionError(c.getName() + " is in package " + slice + ", which ArchitectureTest.TOP_DOWN does "
            + "not place: add it where its dependencies put it");
      }
    });
  }

  @Test
  void everyPackageDependsOnlyOnThoseBelowIt() {
    for (int i = 1; i < TOP_DOWN.size(); i++) {
      String[] above = TOP_DOWN.subList(0, i).stream().map(p -> p.equals("(root)") ? ROOT : ROOT + "." + p + "..")
          .toArray(String[]::new);
      noClasses().that().resideInAPackage(ROOT + "." + TOP_DOWN.get(i) + "..")
          .should().dependOnClassesThat().resideInAnyPackage(above)
          .because(TOP_DOWN.get(i) + " sits below " + String.join(", ", TOP_DOWN.subList(0, i)))
          .check(PLUGIN);
    }
  }
}
