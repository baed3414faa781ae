package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.TestPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory and the runtime's files in it are the runtime's user's alone, on every start. */
class DataFilesIT {
  @TempDir Path temp;

  @Test
  void theDataDirectoryIsOwnerOnlyAndSoAreTheRuntimesFilesInItOnEveryStart() throws Exception {
    Path data = temp.resolve("data");
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    try (InProcessRuntime runtime = InProcessRuntime.start(data, plugins)) {
      assertPrivate(data);
    }

    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(data.resolve("runtime.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
    Path someoneElses = Files.writeString(data.resolve("notes.txt"), "not the runtime's");
    Files.setPosixFilePermissions(someoneElses, PosixFilePermissions.fromString("rw-r--r--"));
    try (InProcessRuntime runtime = InProcessRuntime.start(data, plugins)) {
      assertPrivate(data);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(someoneElses)))
        .as("a file that is not the runtime's is left as it was").isEqualTo("rw-r--r--");
  }

  private static void assertPrivate(Path data) throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    for (String file : new String[] {"runtime.mv.db", "admin-key", "master-key"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file)))).as(file)
          .isEqualTo("rw-------");
    }
  }
}
