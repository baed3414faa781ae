package dev.outlookflow.runtime.api;

import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.runtime.access.Principal;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.connections.SignInService;
import dev.outlookflow.runtime.flows.FlowService;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.Registered;
import dev.outlookflow.runtime.store.ConnectionRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Connections: CRUD, test and the start of an interactive sign-in. */
final class ConnectionRoutes {
  private final ConnectionService connections;
  private final SignInService signIns;
  private final ExtensionRegistry registry;
  private final FlowService flows;

  ConnectionRoutes(ConnectionService connections, SignInService signIns, ExtensionRegistry registry, FlowService flows) {
    this.connections = connections;
    this.signIns = signIns;
    this.registry = registry;
    this.flows = flows;
  }

  void mount(Router router) {
    router.get("/api/v1/connections").handler(this::list);
    router.post("/api/v1/connections").handler(this::create);
    router.get("/api/v1/connections/:id").handler(this::get);
    router.put("/api/v1/connections/:id").handler(this::update);
    router.delete("/api/v1/connections/:id").handler(this::delete);
    router.post("/api/v1/connections/:id/test").handler(this::test);
    router.post("/api/v1/connections/:id/authorize").handler(this::authorize);
    router.post("/api/v1/connections/:id/disconnect").handler(this::disconnect);
  }

  private void list(RoutingContext ctx) {
    Principal principal = Principals.of(ctx);
    Http.respond(ctx, 200, connections.list(principal.workspaceId()).map(all -> {
      JsonArray list = new JsonArray();
      all.forEach(c -> list.add(view(principal, c)));
      return new JsonObject().put("connections", list);
    }));
  }

  private void create(RoutingContext ctx) {
    Principal principal = admin(ctx, "creating a connection");
    Http.respond(ctx, 201, connections.create(principal.workspaceId(), Http.body(ctx)).map(c -> view(principal, c)));
  }

  private void get(RoutingContext ctx) {
    Principal principal = Principals.of(ctx);
    Http.respond(ctx, 200, connections.get(principal.workspaceId(), ctx.pathParam("id")).map(c -> view(principal, c)));
  }

  private void update(RoutingContext ctx) {
    Principal principal = admin(ctx, "changing a connection");
    Http.respond(ctx, 200, connections.update(principal.workspaceId(), ctx.pathParam("id"), Http.body(ctx))
        .map(c -> view(principal, c)));
  }

  private void delete(RoutingContext ctx) {
    Principal principal = admin(ctx, "deleting a connection");
    boolean force = "true".equals(ctx.queryParams().get("force"));
    Http.noContent(ctx, flows.deleteConnection(principal.workspaceId(), ctx.pathParam("id"), force));
  }

  private void test(RoutingContext ctx) {
    Principal principal = admin(ctx, "testing a connection");
    Http.respond(ctx, 200, connections.test(principal.workspaceId(), ctx.pathParam("id"))
        .map(result -> new JsonObject().put("ok", result.ok()).put("message", result.message())));
  }

  private void authorize(RoutingContext ctx) {
    Principal principal = admin(ctx, "signing in a connection");
    Http.respond(ctx, 200, signIns.begin(principal.workspaceId(), ctx.pathParam("id"))
        .map(url -> new JsonObject().put("authorizeUrl", url)));
  }

  private void disconnect(RoutingContext ctx) {
    Principal principal = admin(ctx, "disconnecting a connection");
    Http.respond(ctx, 200, flows.disconnect(principal.workspaceId(), ctx.pathParam("id")).map(c -> view(principal, c)));
  }

  private static Principal admin(RoutingContext ctx, String action) {
    Principal principal = Principals.of(ctx);
    principal.requireAdmin(action);
    return principal;
  }

  /** Designers see which connections exist (to use them by id), not how they are configured. */
  private JsonObject view(Principal principal, ConnectionRecord record) {
    if (!principal.isAdmin()) {
      return Views.connectionSummary(record);
    }
    return Views.connection(record,
        registry.connectionType(record.type()).map(Registered::extension).map(ConnectionType::form));
  }
}
