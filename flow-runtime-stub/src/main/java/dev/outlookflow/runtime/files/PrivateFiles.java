package dev.outlookflow.runtime.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Files only the runtime's own user may read: the data directory holds the database (sealed secrets,
 * run records) and the instance admin key. Owner-only from creation, not made so afterwards, so that
 * no other user can open one in between. On a file system without POSIX permissions nothing is changed.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Creates {@code dir} and its missing parents owner-only; an existing one is made owner-only. */
  public static void directory(Path dir) throws IOException {
    if (!posix()) {
      Files.createDirectories(dir);
      return;
    }
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
    }
    Files.setPosixFilePermissions(dir, DIRECTORY);
  }

  /**
   * Makes the files directly in {@code dir} whose names {@code ours} accepts owner-only (files an
   * earlier version left readable); files of others in the folder are left as they are.
   */
  public static void restrict(Path dir, Predicate<String> ours) throws IOException {
    if (!posix() || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> Files.isRegularFile(f) && ours.test(f.getFileName().toString())).toList()) {
        Files.setPosixFilePermissions(file, FILE);
      }
    }
  }

  /** Replaces {@code file} with {@code text}: written to an owner-only temp file beside it, then moved. */
  public static void write(Path file, String text) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp",
        fileAttributes());
    try {
      Files.writeString(temp, text);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The attributes that create a file owner-only. */
  public static FileAttribute<?>[] fileAttributes() {
    return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
