package dev.outlookflow.runtime.access;

import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.files.PrivateFiles;
import dev.outlookflow.runtime.model.ApiKeyRecord;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.store.AccessStore.Revocation;
import dev.outlookflow.runtime.store.AccessStore;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance admin keys: the one in {@code DATA_DIR/admin-key}, and those the instance admin
 * creates. They belong to no workspace's admins (a workspace lists and revokes only its own keys),
 * and the last one cannot be revoked, so the runtime never locks its administrator out.
 */
public final class InstanceKeys {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceKeys.class);

  private final AccessStore store;
  private final RuntimeEnvironment environment;
  private final Path file;

  /** {@code file}: where the instance admin key is kept, {@code DATA_DIR/admin-key}. */
  public InstanceKeys(AccessStore store, RuntimeEnvironment environment, Path file) {
    this.store = store;
    this.environment = environment;
    this.file = file;
  }

  /** A key as handed out, with whether it is the one in the admin key file. */
  public record InstanceKey(ApiKeyRecord record, boolean inAdminKeyFile) {}

  /**
   * Makes sure the admin key file holds an instance admin key: created (mode 0600) on first start,
   * registered by hash if the store does not know it yet. A key in the file that was revoked is
   * reported, not fatal: other instance keys still work.
   */
  public Future<Path> ensure() {
    return environment.vertx().executeBlocking(this::readOrCreate).compose(value -> {
      String hash = ApiKeys.hash(value);
      return store.keyByHash(hash).compose(found -> {
        if (found.isEmpty()) {
          return store.insertKey(record(hash));
        }
        if (found.get().revokedAt() != null) {
          LOG.warn("the instance admin key in {} was revoked: use another instance key, or delete the file and "
              + "restart to have a new one created", file);
        }
        return Future.succeededFuture();
      });
    }).map(file);
  }

  private String readOrCreate() throws IOException {
    if (!Files.exists(file)) {
      try {
        Files.createFile(file, PrivateFiles.fileAttributes());
        Files.writeString(file, ApiKeys.newKey() + "\n");
      } catch (FileAlreadyExistsException raced) {
        // another process created it first: use theirs
      }
    }
    String value = Files.readString(file).strip();
    if (value.isEmpty()) {
      throw new IOException("the admin key file " + file + " is empty: delete it to have a new key created");
    }
    return value;
  }

  public Future<List<InstanceKey>> list(Principal principal) {
    requireInstanceAdmin(principal);
    return fileKeyHash().compose(inFile -> store.instanceKeys()
        .map(keys -> keys.stream().map(k -> new InstanceKey(k, k.keyHash().equals(inFile))).toList()));
  }

  public Future<AccessService.IssuedKey> create(Principal principal) {
    requireInstanceAdmin(principal);
    String value = ApiKeys.newKey();
    ApiKeyRecord key = record(ApiKeys.hash(value));
    return store.insertKey(key).map(new AccessService.IssuedKey(key, value));
  }

  /** Refused (409) for the last active instance key. */
  public Future<Void> revoke(Principal principal, String keyId) {
    requireInstanceAdmin(principal);
    return store.revokeInstanceKey(keyId, null, environment.now()).compose(outcome -> revoked(outcome, keyId));
  }

  /**
   * A new key in place of {@code keyId}, which is revoked in the same transaction. When the admin key
   * file holds the old key, the new one is written there first: a crash in between leaves the file
   * with a key that is registered at the next start, never one that was revoked.
   */
  public Future<AccessService.IssuedKey> rotate(Principal principal, String keyId) {
    requireInstanceAdmin(principal);
    String value = ApiKeys.newKey();
    ApiKeyRecord replacement = record(ApiKeys.hash(value));
    return store.instanceKeys().compose(keys -> {
      ApiKeyRecord old = keys.stream().filter(k -> k.id().equals(keyId) && k.revokedAt() == null).findFirst()
          .orElseThrow(() -> Problem.notFound("active instance key", keyId));
      return fileKeyHash().compose(inFile -> old.keyHash().equals(inFile)
          ? environment.vertx().executeBlocking(() -> {
              PrivateFiles.write(file, value + "\n");
              return null;
            })
          : Future.succeededFuture());
    }).compose(v -> store.revokeInstanceKey(keyId, replacement, environment.now()))
        .compose(outcome -> revoked(outcome, keyId))
        .map(new AccessService.IssuedKey(replacement, value));
  }

  private static Future<Void> revoked(Revocation outcome, String keyId) {
    if (outcome == Revocation.NOT_FOUND) {
      return Future.failedFuture(Problem.notFound("active instance key", keyId));
    }
    if (outcome == Revocation.LAST_KEY) {
      return Future.failedFuture(Problem.conflict("this is the last active instance admin key: create or rotate "
          + "to another one first, or the runtime would have no administrator"));
    }
    return Future.succeededFuture();
  }

  /** The hash of the key in the admin key file; empty when someone removed the file. */
  private Future<String> fileKeyHash() {
    return environment.vertx().executeBlocking(
        () -> Files.exists(file) ? ApiKeys.hash(Files.readString(file).strip()) : "");
  }

  private ApiKeyRecord record(String hash) {
    return new ApiKeyRecord(UUID.randomUUID().toString(), AccessService.DEFAULT_WORKSPACE,
        Role.INSTANCE_ADMIN.value(), hash, environment.now(), null);
  }

  private static void requireInstanceAdmin(Principal principal) {
    if (!principal.isInstanceAdmin()) {
      throw Problem.forbidden("managing instance admin keys needs an instance admin key");
    }
  }
}
