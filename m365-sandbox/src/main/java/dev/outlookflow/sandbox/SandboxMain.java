package dev.outlookflow.sandbox;

import dev.outlookflow.sandbox.tenant.DemoSeed;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code java -jar m365-sandbox.jar [--port 8081] [--seed tenant.json] [--state-dir DIR]}. */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws Exception {
    // Mail with large attachments holds base64 strings over Jackson's default 20 million characters.
    System.setProperty("vertx.jackson.defaultReadMaxStringLength", String.valueOf(64 * 1024 * 1024));
    int port = 8081;
    Seed seed = DemoSeed.seed();
    Optional<Path> stateDir = Optional.empty();
    try {
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--port" -> port = Integer.parseInt(value);
          case "--seed" -> seed = Seed.read(Path.of(value));
          case "--state-dir" -> stateDir = Optional.of(Path.of(value));
          default -> throw new IllegalArgumentException("unknown flag " + flag);
        }
      }
    } catch (Exception e) {
      System.err.println("m365 sandbox: " + e.getMessage());
      System.err.println("usage: java -jar m365-sandbox.jar [--port 8081] [--seed tenant.json] [--state-dir DIR]");
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    Sandbox sandbox = Sandbox.start(vertx, new SandboxOptions("127.0.0.1", port, seed, stateDir, Clock.systemUTC()))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close(), "shutdown"));
    System.out.println("m365 sandbox listening on " + sandbox.baseUrl());
  }
}
