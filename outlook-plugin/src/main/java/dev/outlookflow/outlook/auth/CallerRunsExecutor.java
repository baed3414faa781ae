package dev.outlookflow.outlook.auth;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs msal4j's work in the thread that asked for it, a thread of the runtime's bounded worker
 * pool: msal4j's default (the common fork-join pool) hangs under load.
 */
final class CallerRunsExecutor extends AbstractExecutorService {
  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public void shutdown() {
    // Nothing of its own to stop.
  }

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
