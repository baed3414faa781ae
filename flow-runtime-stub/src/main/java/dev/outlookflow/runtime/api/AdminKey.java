package dev.outlookflow.runtime.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The instance key that guards the API until workspaces and roles exist: created on first start in
 * {@code DATA_DIR/admin-key}, readable by the owner only. Its value is never logged.
 */
public final class AdminKey {
  private final byte[] key;
  private final Path file;

  private AdminKey(byte[] key, Path file) {
    this.key = key;
    this.file = file;
  }

  /** Blocking: reads the key file, creating it with a new random key if absent. */
  public static AdminKey loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve("admin-key");
    if (!Files.exists(file)) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String value = "ofk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, value + "\n");
      } catch (FileAlreadyExistsException raced) {
        // Another start created it first: use theirs.
      }
    }
    String value = Files.readString(file).strip();
    if (value.isEmpty()) {
      throw new IOException("the admin key file " + file + " is empty: delete it to have a new key created");
    }
    return new AdminKey(value.getBytes(StandardCharsets.UTF_8), file);
  }

  public Path file() {
    return file;
  }

  /** Constant-time comparison, so response timing does not reveal the key. */
  public boolean matches(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(key, candidate.getBytes(StandardCharsets.UTF_8));
  }
}
