package dev.outlookflow.runtime.engine;

import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.store.RunStore;
import io.vertx.core.Future;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes finished runs older than the retention, at start and then every hour. */
public final class RunRetention {
  private static final Logger LOG = LoggerFactory.getLogger(RunRetention.class);
  private static final Duration EVERY = Duration.ofHours(1);

  private final RunStore runs;
  private final RuntimeEnvironment environment;
  private final Duration retention;
  private long timer = -1;

  public RunRetention(RunStore runs, RuntimeEnvironment environment, Duration retention) {
    this.runs = runs;
    this.environment = environment;
    this.retention = retention;
  }

  public Future<Integer> start() {
    timer = environment.vertx().setPeriodic(EVERY.toMillis(), t -> purge());
    return purge();
  }

  public void stop() {
    environment.vertx().cancelTimer(timer);
  }

  Future<Integer> purge() {
    return runs.purgeFinishedBefore(environment.now() - retention.toMillis())
        .onSuccess(count -> {
          if (count > 0) {
            LOG.info("deleted {} run(s) finished more than {} days ago", count, retention.toDays());
          }
        })
        .onFailure(e -> LOG.error("could not delete old runs: {}", e.toString()));
  }
}
