package dev.outlookflow.runtime.architecture;

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
 * The runtime's packages depend on each other one way, as ARCHITECTURE.md draws them: each package only
 * on those below it in {@link #TOP_DOWN}, and no cycle among them, the root package (the composition
 * root) included.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.outlookflow.runtime";
  /** Top to bottom: a package may depend on those after it, never on those before it. */
  static final List<String> TOP_DOWN = List.of("(root)", "api", "access", "flows", "triggers", "engine", "rotation",
      "connections", "plugins", "store", "model", "secrets", "problem", "environment", "json", "files", "failures", "logs");
  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  /** Slices by the package under the root, the root's own classes as {@code (root)}. */
  static final SliceAssignment BY_FEATURE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return sliceOf(javaClass).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
    }

    @Override
    public String getDescription() {
      return "the runtime's packages, its root package included";
    }
  };

  static Optional<String> sliceOf(JavaClass javaClass) {
    String name = javaClass.getPackageName();
    if (name.equals(ROOT)) {
      return Optional.of("(root)");
    }
    return name.startsWith(ROOT + ".") ? Optional.of(name.substring(ROOT.length() + 1).split("\\.")[0])
        : Optional.empty();
  }

  @Test
  void noPackagesDependOnEachOtherInACircle() {
    slices().assignedFrom(BY_FEATURE).should().beFreeOfCycles().check(RUNTIME);
  }

  @Test
  void everyPackageDependsOnlyOnThoseBelowIt() {
    for (int i = 1; i < TOP_DOWN.size(); i++) {
      String[] above = TOP_DOWN.subList(0, i).stream().map(ArchitectureTest::packageOf).toArray(String[]::new);
      noClasses().that().resideInAPackage(ROOT + "." + TOP_DOWN.get(i) + "..")
          .should().dependOnClassesThat().resideInAnyPackage(above)
          .because(TOP_DOWN.get(i) + " sits below " + String.join(", ", TOP_DOWN.subList(0, i)))
          .check(RUNTIME);
    }
  }

  @Test
  void everyPackageIsPlaced() {
    RUNTIME.forEach(c -> {
      String slice = sliceOf(c).orElseThrow();
      if (!TOP_DOWN.contains(slice)) {
        throw new AssertionError(c.getName() + " is in package " + slice + ", which ArchitectureTest.TOP_DOWN does "
            + "not place: add it where its dependencies put it");
      }
    });
  }

  private static String packageOf(String slice) {
    return slice.equals("(root)") ? ROOT : ROOT + "." + slice + "..";
  }
}
