package dev.outlookflow.runtime.connections;

import dev.outlookflow.plugin.api.connection.BlobStore;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.secrets.DataKey;
import dev.outlookflow.runtime.store.ConnectionStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/** The blobs of one connection (e.g. a token cache), sealed with the connection's data key. */
final class ConnectionBlobs implements BlobStore {
  private final ConnectionStore store;
  private final RuntimeEnvironment environment;
  private final String workspaceId;
  private final String connectionId;
  private final DataKey key;

  ConnectionBlobs(ConnectionStore store, RuntimeEnvironment environment, String workspaceId, String connectionId,
      DataKey key) {
    this.store = store;
    this.environment = environment;
    this.workspaceId = workspaceId;
    this.connectionId = connectionId;
    this.key = key;
  }

  @Override
  public Future<Optional<Buffer>> get(String name) {
    return store.blob(connectionId, name).map(found -> found.map(sealed ->
        Buffer.buffer(key.openBytes(sealed.getBytes(), workspaceId, connectionId, "blob:" + name))));
  }

  @Override
  public Future<Void> put(String name, Buffer content) {
    Buffer sealed = Buffer.buffer(key.sealBytes(content.getBytes(), workspaceId, connectionId, "blob:" + name));
    return store.putBlob(connectionId, name, sealed, environment.now());
  }

  @Override
  public Future<Void> delete(String name) {
    return store.deleteBlob(connectionId, name);
  }
}
