package dev.outlookflow.runtime;

import dev.outlookflow.runtime.failures.Causes;
import dev.outlookflow.runtime.files.PrivateFiles;
import dev.outlookflow.sandbox.Sandbox;
import dev.outlookflow.sandbox.SandboxOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Microsoft 365 sandbox the runtime's plugins may use: one it runs, one it was pointed at, or none.
 * The embedded one keeps the port it was first given ({@code DATA_DIR/sandbox-port}), so that its address,
 * and what was said about it, holds across restarts; a runtime on {@code --port 0} gives it a free port too.
 */
public final class DemoTenant {
  static final String PORT_FILE = "sandbox-port";
  private static final Logger LOG = LoggerFactory.getLogger(DemoTenant.class);
  private static final String LOOPBACK = "127.0.0.1";
  private final Optional<String> url;
  private final Sandbox embedded;

  private DemoTenant(Optional<String> url, Sandbox embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  /** The embedded sandbox listens on loopback only, whatever host the API listens on. */
  static Future<DemoTenant> start(Vertx vertx, RuntimeConfig config) {
    if (config.sandbox() instanceof SandboxChoice.External external) {
      return Future.succeededFuture(new DemoTenant(Optional.of(external.url()), null));
    }
    if (!(config.sandbox() instanceof SandboxChoice.Embedded)) {
      return Future.succeededFuture(new DemoTenant(Optional.empty(), null));
    }
    SandboxOptions options = new SandboxOptions(LOOPBACK, 0, SandboxOptions.demo().seed(),
        Optional.of(config.dataDir().resolve("sandbox")), SandboxOptions.demo().clock());
    if (config.port() == 0) {
      return start(vertx, options);
    }
    Path portFile = config.dataDir().resolve(PORT_FILE);
    return vertx.executeBlocking(() -> keptPort(portFile))
        .compose(kept -> start(vertx, options.withPort(kept.orElse(0))).recover(e -> {
          if (kept.isEmpty() || !Causes.portTaken(e)) {
            return Future.failedFuture(e);
          }
          LOG.warn("the m365 sandbox's port {} is taken by another program: it listens on another port now, and "
              + "its address printed before no longer answers (free the port and restart to keep it)", kept.get());
          return start(vertx, options);
        }))
        .compose(tenant -> vertx.executeBlocking(() -> {
          PrivateFiles.write(portFile, String.valueOf(tenant.embedded.port()));
          return tenant;
        }));
  }

  private static Future<DemoTenant> start(Vertx vertx, SandboxOptions options) {
    return Sandbox.start(vertx, options).map(sandbox -> new DemoTenant(Optional.of(sandbox.baseUrl()), sandbox));
  }

  /** The port kept from an earlier start, if the file holds one. */
  private static Optional<Integer> keptPort(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).trim();
    try {
      int port = Integer.parseInt(text);
      return port > 0 && port < 65536 ? Optional.of(port) : Optional.empty();
    } catch (NumberFormatException e) {
      LOG.warn("{} does not hold a port number: the m365 sandbox takes a new port and keeps that one", file);
      return Optional.empty();
    }
  }

  public Optional<String> url() {
    return url;
  }

  Future<Void> stop() {
    return embedded == null ? Future.succeededFuture() : embedded.stop();
  }
}
