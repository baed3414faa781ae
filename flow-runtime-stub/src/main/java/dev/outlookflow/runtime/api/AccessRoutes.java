package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.access.AccessService;
import dev.outlookflow.runtime.access.InstanceKeys;
import dev.outlookflow.runtime.model.ApiKeyRecord;
import dev.outlookflow.runtime.model.WorkspaceRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/** Workspaces and their API keys; the instance admin keys. */
final class AccessRoutes {
  private final AccessService access;
  private final InstanceKeys instanceKeys;

  AccessRoutes(AccessService access, InstanceKeys instanceKeys) {
    this.access = access;
    this.instanceKeys = instanceKeys;
  }

  void mount(Router router) {
    router.get("/api/v1/workspaces").handler(this::workspaces);
    router.post("/api/v1/workspaces").handler(this::createWorkspace);
    router.get("/api/v1/workspaces/:id/keys").handler(this::keys);
    router.post("/api/v1/workspaces/:id/keys").handler(this::createKey);
    router.delete("/api/v1/workspaces/:id/keys/:keyId").handler(this::revokeKey);
    router.get("/api/v1/instance/keys").handler(this::instanceKeys);
    router.post("/api/v1/instance/keys").handler(this::createInstanceKey);
    router.delete("/api/v1/instance/keys/:keyId").handler(this::revokeInstanceKey);
    router.post("/api/v1/instance/keys/:keyId/rotate").handler(this::rotateInstanceKey);
  }

  private void instanceKeys(RoutingContext ctx) {
    Http.respond(ctx, 200, instanceKeys.list(Principals.of(ctx)).map(all -> {
      JsonArray list = new JsonArray();
      all.forEach(k -> list.add(key(k.record()).put("inAdminKeyFile", k.inAdminKeyFile())));
      return new JsonObject().put("keys", list);
    }));
  }

  private void createInstanceKey(RoutingContext ctx) {
    Http.respond(ctx, 201, instanceKeys.create(Principals.of(ctx))
        .map(issued -> key(issued.record()).put("key", issued.value())));
  }

  private void revokeInstanceKey(RoutingContext ctx) {
    Http.noContent(ctx, instanceKeys.revoke(Principals.of(ctx), ctx.pathParam("keyId")));
  }

  private void rotateInstanceKey(RoutingContext ctx) {
    String replaced = ctx.pathParam("keyId");
    Http.respond(ctx, 201, instanceKeys.rotate(Principals.of(ctx), replaced)
        .map(issued -> key(issued.record()).put("key", issued.value()).put("replaces", replaced)));
  }

  private void workspaces(RoutingContext ctx) {
    Http.respond(ctx, 200, access.workspaces(Principals.of(ctx)).map(all -> {
      JsonArray list = new JsonArray();
      all.forEach(w -> list.add(workspace(w)));
      return new JsonObject().put("workspaces", list);
    }));
  }

  private void createWorkspace(RoutingContext ctx) {
    Http.respond(ctx, 201, access.createWorkspace(Principals.of(ctx), Http.body(ctx)).map(AccessRoutes::workspace));
  }

  private void keys(RoutingContext ctx) {
    Http.respond(ctx, 200, access.keys(Principals.of(ctx), ctx.pathParam("id")).map(all -> {
      JsonArray list = new JsonArray();
      all.forEach(k -> list.add(key(k)));
      return new JsonObject().put("keys", list);
    }));
  }

  private void createKey(RoutingContext ctx) {
    Http.respond(ctx, 201, access.createKey(Principals.of(ctx), ctx.pathParam("id"), Http.body(ctx))
        .map(issued -> key(issued.record()).put("key", issued.value())));
  }

  private void revokeKey(RoutingContext ctx) {
    Http.noContent(ctx, access.revokeKey(Principals.of(ctx), ctx.pathParam("id"), ctx.pathParam("keyId")));
  }

  private static JsonObject workspace(WorkspaceRecord w) {
    return new JsonObject().put("id", w.id()).put("name", w.name())
        .put("createdAt", Instant.ofEpochMilli(w.createdAt()).toString());
  }

  private static JsonObject key(ApiKeyRecord k) {
    return new JsonObject().put("id", k.id()).put("workspaceId", k.workspaceId()).put("role", k.role())
        .put("createdAt", Instant.ofEpochMilli(k.createdAt()).toString())
        .put("revokedAt", k.revokedAt() == null ? null : Instant.ofEpochMilli(k.revokedAt()).toString());
  }
}
