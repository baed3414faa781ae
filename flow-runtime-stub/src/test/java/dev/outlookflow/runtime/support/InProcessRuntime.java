package dev.outlookflow.runtime.support;

import dev.outlookflow.runtime.FlowRuntime;
import dev.outlookflow.runtime.RuntimeConfig;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** The runtime started in the test's JVM, on a free port, with its own Vert.x; restartable. */
public final class InProcessRuntime implements AutoCloseable {
  private RuntimeConfig config;
  private Vertx vertx;
  private FlowRuntime runtime;

  private InProcessRuntime(RuntimeConfig config) {
    this.config = config;
  }

  public static InProcessRuntime start(Path dataDir, Path pluginsDir) throws Exception {
    return start(RuntimeConfig.local(dataDir, pluginsDir, Clock.systemUTC()));
  }

  public static InProcessRuntime start(RuntimeConfig config) throws Exception {
    InProcessRuntime runtime = new InProcessRuntime(config);
    runtime.boot();
    return runtime;
  }

  private void boot() throws Exception {
    vertx = Vertx.vertx();
    runtime = FlowRuntime.start(vertx, config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Stops gracefully and starts again on the same data. */
  public void restart() throws Exception {
    restart(UnaryOperator.identity());
  }

  /** Stops gracefully and starts again with a changed configuration. */
  public void restart(UnaryOperator<RuntimeConfig> change) throws Exception {
    close();
    config = change.apply(config);
    boot();
  }

  /** Stops gracefully, does {@code whileStopped} (to its data, say), and starts again. */
  public void restartAfter(java.util.concurrent.Callable<?> whileStopped) throws Exception {
    close();
    whileStopped.call();
    boot();
  }

  public java.nio.file.Path dataDir() {
    return config.dataDir();
  }

  public FlowRuntime runtime() {
    return runtime;
  }

  /** A client with the instance admin key. */
  public ApiClient api() throws Exception {
    return new ApiClient(runtime.baseUrl(), Files.readString(runtime.adminKeyFile()).strip());
  }

  @Override
  public void close() throws Exception {
    if (runtime != null) {
      runtime.stop().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      runtime = null;
    }
  }
}
