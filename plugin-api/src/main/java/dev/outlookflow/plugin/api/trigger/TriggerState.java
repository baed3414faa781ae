package dev.outlookflow.plugin.api.trigger;

import io.vertx.core.Future;
import java.util.Optional;

/** Durable key/value state of one trigger of one flow (e.g. a delta cursor); survives restarts. */
public interface TriggerState {
  Future<Optional<String>> get(String key);

  /** Completes once the value is durably stored. */
  Future<Void> put(String key, String value);

  Future<Void> remove(String key);
}
