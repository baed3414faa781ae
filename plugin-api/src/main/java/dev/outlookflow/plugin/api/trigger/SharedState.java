package dev.outlookflow.plugin.api.trigger;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Durable key/value state a plugin keeps per connection and shares across the flows that use it (e.g. the
 * delta cursor of a mailbox folder that several flows watch). It survives restarts and is deleted when the
 * connection is disconnected or deleted. Keys are 1 to {@value #MAX_KEY_LENGTH} characters; values at most
 * {@value #MAX_VALUE_LENGTH} characters. Sealed values are stored encrypted (for secrets such as a webhook's
 * client state); the two kinds live apart, so {@link #get} never reads a sealed value.
 */
public interface SharedState {
  int MAX_KEY_LENGTH = 200;
  int MAX_VALUE_LENGTH = 256 * 1024;

  Future<Optional<String>> get(String key);

  /** Completes once the value is durably stored. */
  Future<Void> put(String key, String value);

  Future<Void> remove(String key);

  Future<Optional<String>> getSealed(String key);

  /** Stores {@code secret} encrypted; completes once it is durably stored. */
  Future<Void> putSealed(String key, String secret);
}
