package dev.outlookflow.runtime.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh {@link OutlookRuntime} (with its demo tenant) for each test, in a temporary folder removed afterwards. */
public final class OutlookRuntimePerTest implements BeforeEachCallback, AfterEachCallback {
  private Path folder;
  private OutlookRuntime runtime;

  public OutlookRuntime runtime() {
    return runtime;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    folder = Files.createTempDirectory("outlook-runtime-");
    runtime = OutlookRuntime.start(folder);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      runtime.close();
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        // A leftover temporary folder fails no test.
      }
    }
  }
}
