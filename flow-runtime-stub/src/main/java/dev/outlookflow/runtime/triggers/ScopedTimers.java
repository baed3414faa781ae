package dev.outlookflow.runtime.triggers;

import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.trigger.Timers;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A started trigger's timers, all cancelled when it stops; a throwing task is logged, not fatal. */
final class ScopedTimers implements Timers {
  private final Vertx vertx;
  private final StepLog log;
  private final Set<Long> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  ScopedTimers(Vertx vertx, StepLog log) {
    this.vertx = vertx;
    this.log = log;
  }

  @Override
  public long once(Duration delay, Runnable task) {
    if (closed) {
      return -1;
    }
    long[] id = new long[1];
    id[0] = vertx.setTimer(Math.max(1, delay.toMillis()), t -> {
      live.remove(id[0]);
      guarded(task);
    });
    live.add(id[0]);
    return id[0];
  }

  @Override
  public long every(Duration period, Runnable task) {
    if (closed) {
      return -1;
    }
    long id = vertx.setPeriodic(Math.max(1, period.toMillis()), t -> guarded(task));
    live.add(id);
    return id;
  }

  @Override
  public void cancel(long timerId) {
    live.remove(timerId);
    vertx.cancelTimer(timerId);
  }

  void close() {
    closed = true;
    live.forEach(vertx::cancelTimer);
    live.clear();
  }

  private void guarded(Runnable task) {
    if (closed) {
      return;
    }
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("timer task failed", e);
    }
  }
}
