package dev.outlookflow.sandbox.counters;

import io.vertx.core.json.JsonObject;

/**
 * Counts another feature keeps, answered as a section of {@code GET /_sandbox/counters} under the name it is
 * registered with, and reset with the request counters.
 */
public interface CounterSection {
  JsonObject snapshot();

  void reset();
}
