package dev.outlookflow.sandbox.state;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The state directory and its files for their owner alone: the directory {@code 0700}, files {@code 0600}.
 * {@code state.json} holds the sandbox's RSA signing key (whoever reads it can mint tokens the sandbox
 * accepts) and {@code mail.json} the mail. Files are replaced through a temporary file that is created
 * {@code 0600}, so no byte is ever readable by others, not even between creating and renaming it; a chmod
 * after writing would leave that window open. On a file system without POSIX permissions (Windows, a zip
 * file system) files are written with the file system's defaults.
 */
public final class PrivateFiles {
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** What goes into a file; the stream may be closed by the writer (Jackson does). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Blocking: creates the directory {@code 0700} (with any missing parents), or narrows an existing one to
   * {@code 0700}, and narrows the given files to {@code 0600} if they exist: a state directory written by an
   * earlier version, or copied with a loose umask, is private from this start on.
   */
  public static void secure(Path directory, Path... files) throws IOException {
    if (!posix(directory.getFileSystem())) {
      Files.createDirectories(directory);
      return;
    }
    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
    Files.setPosixFilePermissions(directory, DIRECTORY);
    for (Path file : files) {
      if (Files.exists(file)) {
        Files.setPosixFilePermissions(file, FILE);
      }
    }
  }

  /**
   * Blocking: replaces {@code file} atomically with {@code content}, written to a temporary file in the same
   * directory that is created {@code 0600}; the rename keeps that mode. A failed write leaves the old file
   * as it was and removes the temporary one.
   */
  public static void replace(Path file, Content content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    secure(directory);
    // A fresh name, created exclusively: two writers (the periodic mail flush and the one at stop) never share
    // a temporary file, and a leftover of a killed process is never written through.
    Path temp = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp", ownerOnly(directory));
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path directory) {
    return posix(directory.getFileSystem())
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  private static boolean posix(FileSystem fileSystem) {
    return fileSystem.supportedFileAttributeViews().contains("posix");
  }
}
