package dev.outlookflow.plugin.api.trigger;

import java.time.Duration;

/** Timers owned by a started trigger; the runtime cancels those left when the trigger stops. */
public interface Timers {
  long once(Duration delay, Runnable task);

  long every(Duration period, Runnable task);

  void cancel(long timerId);
}
