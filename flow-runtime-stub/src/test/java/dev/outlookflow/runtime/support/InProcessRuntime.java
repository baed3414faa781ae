package dev.outlookflow.runtime.support;

import dev.outlookflow.runtime.FlowRuntime;
import dev.outlookflow.runtime.RuntimeConfig;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The runtime started in the test's JVM, on a free port, with its own Vert.x; restartable. */
public final class InProcessRuntime implements AutoCloseable {
  private final RuntimeConfig config;
  private Vertx vertx;
  private FlowRuntime runtime;

  private InProcessRuntime(RuntimeConfig config) {
    this.config = config;
  }

  public static InProcessRuntime start(Path dataDir, Path pluginsDir) throws Exception {
    InProcessRuntime runtime = new InProcessRuntime(
        new RuntimeConfig("127.0.0.1", 0, dataDir, pluginsDir, Optional.empty(), Clock.systemUTC()));
    runtime.boot();
    return runtime;
  }

  private void boot() throws Exception {
    vertx = Vertx.vertx();
    runtime = FlowRuntime.start(vertx, config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Stops gracefully and starts again on the same data. */
  public void restart() throws Exception {
    close();
    boot();
  }

  public FlowRuntime runtime() {
    return runtime;
  }

  public ApiClient api() throws Exception {
    return new ApiClient(runtime.baseUrl(), Files.readString(runtime.adminKey().file()).strip());
  }

  @Override
  public void close() throws Exception {
    if (runtime != null) {
      runtime.stop().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      runtime = null;
    }
  }
}
