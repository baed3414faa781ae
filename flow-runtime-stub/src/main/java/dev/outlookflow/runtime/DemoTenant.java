package dev.outlookflow.runtime;

import dev.outlookflow.sandbox.Sandbox;
import dev.outlookflow.sandbox.SandboxOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;

/** The Microsoft 365 sandbox the runtime's plugins may use: one it runs, one it was pointed at, or none. */
public final class DemoTenant {
  private static final String LOOPBACK = "127.0.0.1";
  private final Optional<String> url;
  private final Sandbox embedded;

  private DemoTenant(Optional<String> url, Sandbox embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  /** The embedded sandbox listens on loopback only, whatever host the API listens on. */
  static Future<DemoTenant> start(Vertx vertx, SandboxChoice choice, Path dataDir) {
    if (choice instanceof SandboxChoice.External external) {
      return Future.succeededFuture(new DemoTenant(Optional.of(external.url()), null));
    }
    if (choice instanceof SandboxChoice.Embedded) {
      SandboxOptions options = new SandboxOptions(LOOPBACK, 0, SandboxOptions.demo().seed(),
          Optional.of(dataDir.resolve("sandbox")), SandboxOptions.demo().clock());
      return Sandbox.start(vertx, options).map(sandbox -> new DemoTenant(Optional.of(sandbox.baseUrl()), sandbox));
    }
    return Future.succeededFuture(new DemoTenant(Optional.empty(), null));
  }

  public Optional<String> url() {
    return url;
  }

  Future<Void> stop() {
    return embedded == null ? Future.succeededFuture() : embedded.stop();
  }
}
