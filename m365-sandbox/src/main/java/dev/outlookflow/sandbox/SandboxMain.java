package dev.outlookflow.sandbox;

import io.vertx.core.Vertx;

/** Runs the sandbox alone: {@code java -jar m365-sandbox.jar [port]}. */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
    Vertx vertx = Vertx.vertx();
    new SandboxServer(vertx)
        .start("127.0.0.1", port)
        .onSuccess(actual -> System.out.println("m365 sandbox listening on http://127.0.0.1:" + actual))
        .onFailure(e -> {
          System.err.println("m365 sandbox could not start: " + e.getMessage());
          vertx.close();
        });
  }
}
