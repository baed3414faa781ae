package dev.outlookflow.runtime.rotation;

import dev.outlookflow.runtime.secrets.MasterKeys;
import dev.outlookflow.runtime.store.ConnectionStore;
import dev.outlookflow.runtime.store.RunStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --rotate-master-key}: adds a new master key to the ring, then rewraps every data key under
 * it. The old keys stay in the ring file, so a crash at any point leaves every data key readable.
 */
public final class MasterKeyRotation {
  private static final Logger LOG = LoggerFactory.getLogger(MasterKeyRotation.class);

  private MasterKeyRotation() {}

  public static Future<MasterKeys> rotate(Vertx vertx, MasterKeys ring, ConnectionStore connections, RunStore runs) {
    return vertx.executeBlocking(ring::withNewPrimary).compose(rotated -> connections.wrappedKeys()
        .map(keys -> keys.stream().map(row -> new ConnectionStore.WrappedKeyRow(row.connectionId(),
            rotated.wrap(rotated.unwrap(row.key())))).toList())
        .compose(rewrapped -> connections.rewrap(rewrapped).map(rewrapped.size()))
        .compose(connectionKeys -> runs.wrappedKeys()
            .map(keys -> keys.stream().map(row -> new RunStore.KeyRow(row.runId(),
                rotated.wrap(rotated.unwrap(row.key())))).toList())
            .compose(rewrapped -> runs.rewrap(rewrapped).map(connectionKeys + rewrapped.size())))
        .map(count -> {
          LOG.info("master key rotated: {} data key(s) rewrapped under master key {}", count, rotated.primaryId());
          return rotated;
        }));
  }
}
