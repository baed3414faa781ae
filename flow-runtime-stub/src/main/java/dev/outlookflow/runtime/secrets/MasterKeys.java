package dev.outlookflow.runtime.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The master key ring: a file of {@code keyId:base64key} lines, readable by its owner only; the last
 * line is the key new data keys are wrapped with. Rotation appends a key and rewraps every data key
 * under it; older keys stay in the file, so a crash mid-rotation loses nothing.
 */
public final class MasterKeys {
  private static final String CONTEXT = "master-key-wrap";
  private final Path file;
  private final Map<String, byte[]> keys;
  private final String primaryId;

  private MasterKeys(Path file, Map<String, byte[]> keys, String primaryId) {
    this.file = file;
    this.keys = keys;
    this.primaryId = primaryId;
  }

  /** Blocking: reads the ring, creating it with one new key if the file does not exist. */
  public static MasterKeys loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      write(file, List.of(newLine()));
    }
    Map<String, byte[]> keys = new LinkedHashMap<>();
    String last = null;
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      try {
        byte[] key = Base64.getDecoder().decode(line.substring(colon + 1).strip());
        if (colon <= 0 || key.length != Aead.KEY_BYTES) {
          throw new IllegalArgumentException("not a 256-bit key");
        }
        last = line.substring(0, colon);
        keys.put(last, key);
      } catch (IllegalArgumentException e) {
        throw new IOException("master key file " + file + " has a malformed line: expected keyId:base64 of 32 bytes");
      }
    }
    if (last == null) {
      throw new IOException("master key file " + file + " holds no key");
    }
    return new MasterKeys(file, keys, last);
  }

  /** Blocking: appends a new primary key to the file and answers the ring with it. */
  public MasterKeys withNewPrimary() throws IOException {
    List<String> lines = new ArrayList<>();
    keys.forEach((id, key) -> lines.add(id + ":" + Base64.getEncoder().encodeToString(key)));
    lines.add(newLine());
    write(file, lines);
    return loadOrCreate(file);
  }

  public String primaryId() {
    return primaryId;
  }

  public Path file() {
    return file;
  }

  public WrappedKey wrap(DataKey key) {
    return new WrappedKey(primaryId,
        Aead.seal(keys.get(primaryId), key.material(), CONTEXT + "\n" + primaryId));
  }

  public DataKey unwrap(WrappedKey wrapped) {
    byte[] master = keys.get(wrapped.masterKeyId());
    if (master == null) {
      throw new SecretUnreadableException("its data key is wrapped by master key '" + wrapped.masterKeyId()
          + "', which is not in " + file + ": restore that file from its backup");
    }
    return new DataKey(Aead.open(master, wrapped.wrapped(), CONTEXT + "\n" + wrapped.masterKeyId()));
  }

  public static DataKey newDataKey() {
    return new DataKey(Aead.newKey());
  }

  private static String newLine() {
    return "mk-" + UUID.randomUUID().toString().substring(0, 8) + ":"
        + Base64.getEncoder().encodeToString(Aead.newKey());
  }

  /** Writes a sibling file with owner-only permissions, then moves it into place atomically. */
  private static void write(Path file, List<String> lines) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".master-key", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(temp, lines);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
