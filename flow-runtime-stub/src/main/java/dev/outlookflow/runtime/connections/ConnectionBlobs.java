package dev.outlookflow.runtime.connections;

import dev.outlookflow.plugin.api.connection.BlobStore;
import dev.outlookflow.runtime.RuntimeEnvironment;
import dev.outlookflow.runtime.store.ConnectionStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/** The blobs of one connection. */
final class ConnectionBlobs implements BlobStore {
  private final ConnectionStore store;
  private final RuntimeEnvironment environment;
  private final String connectionId;

  ConnectionBlobs(ConnectionStore store, RuntimeEnvironment environment, String connectionId) {
    this.store = store;
    this.environment = environment;
    this.connectionId = connectionId;
  }

  @Override
  public Future<Optional<Buffer>> get(String name) {
    return store.blob(connectionId, name);
  }

  @Override
  public Future<Void> put(String name, Buffer content) {
    return store.putBlob(connectionId, name, content, environment.now());
  }

  @Override
  public Future<Void> delete(String name) {
    return store.deleteBlob(connectionId, name);
  }
}
