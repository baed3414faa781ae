package dev.outlookflow.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The sandbox's HTTP server. Entra ID and Graph mail endpoints come with their issues; for now it
 * answers its health check so the runtime and tests can embed and reach it.
 */
public final class SandboxServer {
  private final Vertx vertx;
  private HttpServer server;

  public SandboxServer(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<Integer> start(String host, int port) {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "up")));
    return vertx.createHttpServer().requestHandler(router).listen(port, host).map(s -> {
      server = s;
      return s.actualPort();
    });
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
