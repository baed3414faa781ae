package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.RuntimeEnvironment;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.connections.SignInService;
import dev.outlookflow.runtime.flows.FlowService;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.PluginReport;
import dev.outlookflow.runtime.store.RunStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The HTTP API under {@code /api/v1}, described by {@code /api/v1/openapi.json}, and the OAuth callback. */
public final class ApiServer {
  static final long BODY_LIMIT_BYTES = 1024 * 1024;
  private static final String OPENAPI_RESOURCE = "/api/openapi.json";

  private final Vertx vertx;
  private final Router router;
  private HttpServer server;

  /** Everything the routes serve. */
  public record Services(
      ExtensionRegistry registry,
      PluginReport plugins,
      ConnectionService connections,
      SignInService signIns,
      FlowService flows,
      RunStore runs,
      AdminKey adminKey,
      RuntimeEnvironment environment) {}

  public ApiServer(Vertx vertx, Services services) {
    this.vertx = vertx;
    this.router = router(services);
  }

  private Router router(Services s) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
    router.route().failureHandler(ApiErrors::handle);
    router.errorHandler(404, ApiErrors::handle);
    router.errorHandler(405, ApiErrors::handle);

    Buffer openApi = Buffer.buffer(resource(OPENAPI_RESOURCE));
    router.get("/api/v1/health").handler(ctx -> Http.json(ctx, 200,
        new JsonObject().put("status", "up").put("plugins", s.plugins().toJson())));
    router.get("/api/v1/openapi.json").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json").end(openApi));

    router.route("/api/v1/*").handler(ctx -> authenticate(ctx, s.adminKey()));
    new CatalogRoutes(s.registry(), s.connections(), s.environment()).mount(router);
    new ConnectionRoutes(s.connections(), s.signIns(), s.registry()).mount(router);
    new FlowRoutes(s.flows(), s.runs()).mount(router);
    new OAuthRoutes(s.signIns()).mount(router);
    return router;
  }

  private static void authenticate(RoutingContext ctx, AdminKey adminKey) {
    String header = ctx.request().getHeader("Authorization");
    String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).strip()
        : null;
    if (adminKey.matches(presented)) {
      ctx.next();
    } else {
      ctx.fail(401);
    }
  }

  public Future<Integer> listen(String host, int port) {
    return vertx.createHttpServer().requestHandler(router).listen(port, host).map(listening -> {
      server = listening;
      return listening.actualPort();
    });
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  Router router() {
    return router;
  }

  private static byte[] resource(String name) {
    try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the runtime jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
