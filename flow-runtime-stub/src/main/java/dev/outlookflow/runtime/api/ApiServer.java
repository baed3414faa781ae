package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.access.AccessService;
import dev.outlookflow.runtime.access.FailedAttempts;
import dev.outlookflow.runtime.access.InstanceKeys;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.connections.SignInService;
import dev.outlookflow.runtime.engine.PayloadMemory;
import dev.outlookflow.runtime.engine.RunEngine;
import dev.outlookflow.runtime.engine.RunHistory;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.flows.ConnectionRemoval;
import dev.outlookflow.runtime.flows.FlowService;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.PluginReport;
import dev.outlookflow.runtime.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The HTTP API under {@code /api/v1}, described by {@code /api/v1/openapi.json}, and the OAuth callback. */
public final class ApiServer {
  /** Connections, keys, options: small JSON. */
  static final long SMALL_BODY_BYTES = 64 * 1024;
  /** Flow definitions: up to 100 steps with their properties. */
  static final long FLOW_BODY_BYTES = 1024 * 1024;
  /** A run's trigger payload may carry mail with attachments. */
  static final long RUN_BODY_BYTES = 32 * 1024 * 1024;
  private static final int MAX_SEGMENT = 200;
  private static final String OPENAPI_RESOURCE = "/api/openapi.json";

  private final Vertx vertx;
  private final Router router;
  private HttpServer server;

  /** Everything the routes serve. */
  public record Services(
      ExtensionRegistry registry,
      PluginReport plugins,
      AccessService access,
      InstanceKeys instanceKeys,
      FailedAttempts failedAttempts,
      ConnectionService connections,
      SignInService signIns,
      FlowService flows,
      ConnectionRemoval connectionRemoval,
      RunHistory runs,
      RunEngine engine,
      RuntimeEnvironment environment,
      WorkerExecutor payloads,
      PayloadMemory payloadMemory) {}

  public ApiServer(Vertx vertx, Services services) {
    this.vertx = vertx;
    this.router = router(services);
  }

  private Router router(Services s) {
    Router router = Router.router(vertx);
    router.route().handler(AccessLog::handle);
    router.route().handler(ApiServer::checkPath);
    router.route().handler(ApiServer::refuseForms);
    router.post("/api/v1/flows/:id/run").handler(bodyLimit(RUN_BODY_BYTES));
    router.post("/api/v1/flows").handler(bodyLimit(FLOW_BODY_BYTES));
    router.put("/api/v1/flows/:id").handler(bodyLimit(FLOW_BODY_BYTES));
    router.route().handler(bodyLimit(SMALL_BODY_BYTES));
    router.route().failureHandler(ApiErrors::handle);
    router.errorHandler(404, ApiErrors::handle);
    router.errorHandler(405, ApiErrors::handle);

    Buffer openApi = Buffer.buffer(resource(OPENAPI_RESOURCE));
    router.get("/api/v1/health").handler(ctx -> Http.json(ctx, 200, new JsonObject().put("status", "up")
        .put("plugins", s.plugins().toJson())));
    router.get("/api/v1/openapi.json").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json").end(openApi));

    router.route("/api/v1/*").handler(new Principals(s.access(), s.failedAttempts())::authenticate);
    // Behind a key: the sandbox hands out its demo app's secret and mail to whoever reaches it.
    router.get("/api/v1/sandbox").handler(ctx -> Http.json(ctx, 200,
        new JsonObject().put("url", s.environment().sandboxBaseUrl().orElse(null))));
    new AccessRoutes(s.access(), s.instanceKeys()).mount(router);
    new CatalogRoutes(s.registry(), s.connections(), s.environment()).mount(router);
    new ConnectionRoutes(s.connections(), s.signIns(), s.registry(), s.connectionRemoval()).mount(router);
    new FlowRoutes(s.flows(), s.payloads(), s.payloadMemory()).mount(router);
    new RunRoutes(s.flows(), s.runs(), s.engine()).mount(router);
    new OAuthRoutes(s.signIns(), s.environment()).mount(router);
    return router;
  }

  private static BodyHandler bodyLimit(long bytes) {
    return BodyHandler.create(false).setBodyLimit(bytes);
  }

  /** Ids and path segments are short and printable; anything else is refused before any route. */
  private static void checkPath(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    for (String segment : path.split("/")) {
      if (segment.length() > MAX_SEGMENT || segment.chars().anyMatch(Character::isISOControl)) {
        throw Problem.badRequest("a path segment is longer than " + MAX_SEGMENT
            + " characters or holds control characters");
      }
    }
    ctx.next();
  }

  /**
   * The API takes JSON, and the OAuth routes take queries only (sign-ins ask for {@code response_mode=query}).
   * A form body would be decoded field by field before any route or key check, so it is refused unread.
   */
  private static void refuseForms(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/")) {
      throw Problem.unsupportedMediaType("this API takes JSON bodies: send Content-Type: application/json "
          + "(with curl: -H 'Content-Type: application/json')");
    }
    ctx.next();
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
