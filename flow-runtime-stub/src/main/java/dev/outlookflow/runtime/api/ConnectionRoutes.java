package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.access.Principal;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.connections.SignInService;
import dev.outlookflow.runtime.flows.ConnectionRemoval;
import dev.outlookflow.runtime.model.ConnectionRecord;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.Registered;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** Connections: CRUD, test and the start of an interactive sign-in. */
final class ConnectionRoutes {
  private final ConnectionService connections;
  private final SignInService signIns;
  private final ExtensionRegistry registry;
  private final ConnectionRemoval removal;

  ConnectionRoutes(ConnectionService connections, SignInService signIns, ExtensionRegistry registry,
      ConnectionRemoval removal) {
    this.connections = connections;
    this.signIns = signIns;
    this.registry = registry;
    this.removal = removal;
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
    Http.respond(ctx, 200, connections.list(principal.workspaceId()).compose(all -> views(principal, all)).map(views ->
        new JsonObject().put("connections", new JsonArray(views))));
  }

  private void create(RoutingContext ctx) {
    Principal principal = admin(ctx, "creating a connection");
    Http.respond(ctx, 201, connections.create(principal.workspaceId(), Http.body(ctx))
        .compose(c -> view(principal, c)));
  }

  private void get(RoutingContext ctx) {
    Principal principal = Principals.of(ctx);
    Http.respond(ctx, 200, connections.get(principal.workspaceId(), ctx.pathParam("id"))
        .compose(c -> view(principal, c)));
  }

  private void update(RoutingContext ctx) {
    Principal principal = admin(ctx, "changing a connection");
    Http.respond(ctx, 200, connections.update(principal.workspaceId(), ctx.pathParam("id"), Http.body(ctx))
        .compose(c -> view(principal, c)));
  }

  private void delete(RoutingContext ctx) {
    Principal principal = admin(ctx, "deleting a connection");
    boolean force = "true".equals(ctx.queryParams().get("force"));
    Http.noContent(ctx, removal.deleteConnection(principal.workspaceId(), ctx.pathParam("id"), force));
  }

  private void test(RoutingContext ctx) {
    Principal principal = admin(ctx, "testing a connection");
    Http.respond(ctx, 200, connections.test(principal.workspaceId(), ctx.pathParam("id"))
        .map(result -> new JsonObject().put("ok", result.ok()).put("message", result.message())));
  }

  private void authorize(RoutingContext ctx) {
    Principal principal = admin(ctx, "signing in a connection");
    Http.respond(ctx, 200, signIns.begin(principal.workspaceId(), ctx.pathParam("id"))
        .map(url -> new JsonObject().put("authorizeUrl", url)
            .put("expiresInSeconds", SignInService.PENDING_FOR.toSeconds())));
  }

  private void disconnect(RoutingContext ctx) {
    Principal principal = admin(ctx, "disconnecting a connection");
    Http.respond(ctx, 200, removal.disconnect(principal.workspaceId(), ctx.pathParam("id"))
        .compose(c -> view(principal, c)));
  }

  private static Principal admin(RoutingContext ctx, String action) {
    Principal principal = Principals.of(ctx);
    principal.requireAdmin(action);
    return principal;
  }

  private Future<JsonObject> view(Principal principal, ConnectionRecord record) {
    return views(principal, List.of(record)).map(views -> views.get(0));
  }

  /** Designers see which connections exist (to use them by id), not how they are configured. */
  private Future<List<JsonObject>> views(Principal principal, List<ConnectionRecord> records) {
    if (!principal.isAdmin()) {
      return Future.succeededFuture(records.stream().map(Views::connectionSummary).toList());
    }
    return signIns.underWay(principal.workspaceId()).map(underWay -> records.stream().map(record ->
        Views.connection(record, registry.connectionType(record.type()).map(Registered::form),
            signIns.adminConsentLink(record), Optional.ofNullable(underWay.get(record.id())))).toList());
  }
}
