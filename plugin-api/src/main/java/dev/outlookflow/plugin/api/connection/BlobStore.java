package dev.outlookflow.plugin.api.connection;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * Durable named blobs private to one connection, such as a serialized token cache. Deleted with
 * the connection.
 */
public interface BlobStore {
  Future<Optional<Buffer>> get(String name);

  /** Completes once the blob is durably stored. */
  Future<Void> put(String name, Buffer content);

  Future<Void> delete(String name);
}
