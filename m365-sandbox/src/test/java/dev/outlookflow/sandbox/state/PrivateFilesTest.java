package dev.outlookflow.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** What the sandbox writes to its state directory is its owner's alone, from the first byte on. */
class PrivateFilesTest {
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  @TempDir Path temp;

  private static List<Path> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void theTemporaryFileIsTheOwnersAloneBeforeItsFirstByte() throws Exception {
    Path directory = temp.resolve("sandbox");
    Path file = directory.resolve("state.json");
    List<Set<PosixFilePermission>> whileWriting = new ArrayList<>();

    PrivateFiles.replace(file, out -> {
      // Called once the temporary file exists and before anything is in it: what another user could open now.
      for (Path present : list(directory)) {
        assertThat(Files.size(present)).as(present.toString()).isZero();
        whileWriting.add(Files.getPosixFilePermissions(present));
      }
      out.write("{\"signingKey\": \"secret\"}".getBytes(StandardCharsets.UTF_8));
    });

    assertThat(whileWriting).containsExactly(OWNER_ONLY_FILE);
    assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(OWNER_ONLY_DIRECTORY);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OWNER_ONLY_FILE);
    assertThat(Files.readString(file)).isEqualTo("{\"signingKey\": \"secret\"}");
    assertThat(list(directory)).containsExactly(file);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aDirectoryAndFileLeftReadableByOthersAreNarrowedAndAReplacedFileIsNarrowToo() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("sandbox"));
    Path state = Files.writeString(directory.resolve("state.json"), "old");
    Path mail = Files.writeString(directory.resolve("mail.json"), "old");
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rw-r--r--"));

    PrivateFiles.secure(directory, state);
    assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(OWNER_ONLY_DIRECTORY);
    assertThat(Files.getPosixFilePermissions(state)).isEqualTo(OWNER_ONLY_FILE);

    PrivateFiles.replace(mail, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.getPosixFilePermissions(mail)).as("the replacement, not the old file's mode")
        .isEqualTo(OWNER_ONLY_FILE);
    assertThat(Files.readString(mail)).isEqualTo("new");
  }

  @Test
  void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryOne() throws Exception {
    Path file = temp.resolve("state.json");
    PrivateFiles.replace(file, out -> out.write("kept".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> PrivateFiles.replace(file, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");

    assertThat(Files.readString(file)).isEqualTo("kept");
    assertThat(list(temp)).containsExactly(file);
  }

  @Test
  void onAFileSystemWithoutPosixPermissionsFilesAreWrittenAllTheSame() throws Exception {
    // A zip file system has no POSIX permissions on any platform, as Windows' file systems have none.
    try (FileSystem zip = FileSystems.newFileSystem(temp.resolve("state.zip"), Map.of("create", "true"))) {
      assertThat(zip.supportedFileAttributeViews()).doesNotContain("posix");
      Path directory = zip.getPath("/sandbox");
      Path file = directory.resolve("state.json");

      PrivateFiles.secure(directory, file);
      PrivateFiles.replace(file, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
      PrivateFiles.replace(file, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));

      assertThat(Files.readString(file)).isEqualTo("second");
      assertThat(list(directory)).containsExactly(file);
    }
  }
}
