package dev.outlookflow.sandbox.control;

import dev.outlookflow.sandbox.state.Grants;
import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.tenant.Directory;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/**
 * The control API under {@code /_sandbox}, which tests and the demo use to make things happen that
 * an admin or time would make happen in a real tenant.
 */
public final class ControlRoutes {
  private final Directory directory;
  private final SandboxState state;

  public ControlRoutes(Directory directory, SandboxState state) {
    this.directory = directory;
    this.state = state;
  }

  public void mount(Router router) {
    router.get("/_sandbox/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "up")));
    router.get("/_sandbox/clock").handler(ctx -> json(ctx, 200, clock()));
    router.post("/_sandbox/clock").blockingHandler(this::advanceClock, false);
    router.post("/_sandbox/tenants/:tenant/users/:user/revokeSessions").blockingHandler(this::revokeSessions, false);
    router.post("/_sandbox/tenants/:tenant/apps/:clientId/adminConsent").blockingHandler(this::adminConsent, false);
    router.post("/_sandbox/tenants/:tenant/apps/:clientId/secrets/:secretId").blockingHandler(this::changeSecret, false);
    router.post("/_sandbox/tenants/:tenant/userConsent").blockingHandler(this::userConsent, false);
    router.get("/_sandbox/tokenRequests").handler(this::tokenRequests);
    router.get("/_sandbox/demoApp").handler(this::demoApp);
  }

  private JsonObject clock() {
    return new JsonObject().put("now", state.clock().instant().toString());
  }

  private void advanceClock(RoutingContext ctx) {
    long seconds = body(ctx).getLong("advanceSeconds", 0L);
    if (seconds <= 0) {
      problem(ctx, 400, "advanceSeconds must be a positive number of seconds; the clock only moves forward");
      return;
    }
    state.clock().advance(Duration.ofSeconds(seconds));
    json(ctx, 200, clock());
  }

  /**
   * Revokes every refresh token of the user and, as Continuous Access Evaluation does, the access
   * tokens issued before now. Tokens carry whole seconds, so the clock moves to the next second: what
   * was issued before is refused, what is issued after works.
   */
  private void revokeSessions(RoutingContext ctx) {
    Optional<Seed.Tenant> tenant = directory.tenant(ctx.pathParam("tenant"));
    Optional<Seed.User> user = tenant.flatMap(t -> t.user(ctx.pathParam("user")));
    if (user.isEmpty()) {
      problem(ctx, 404, "no user '" + ctx.pathParam("user") + "' in tenant '" + ctx.pathParam("tenant") + "'");
      return;
    }
    long now = state.clock().millis();
    long nextSecond = (now / 1000 + 1) * 1000;
    state.clock().advance(Duration.ofMillis(nextSecond - now));
    state.revokeSessions(tenant.get().id(), user.get().id(), nextSecond);
    ctx.response().setStatusCode(204).end();
  }

  private void adminConsent(RoutingContext ctx) {
    app(ctx).ifPresent(found -> {
      state.setAdminConsent(found.tenant().id(), found.app().clientId(), body(ctx).getBoolean("granted", true));
      ctx.response().setStatusCode(204).end();
    });
  }

  private void changeSecret(RoutingContext ctx) {
    String change = body(ctx).getString("change");
    if (!"expired".equals(change) && !"deleted".equals(change)) {
      problem(ctx, 400, "change must be expired or deleted");
      return;
    }
    app(ctx).ifPresent(found -> {
      String secretId = ctx.pathParam("secretId");
      if (found.app().secrets().stream().noneMatch(s -> s.id().equals(secretId))) {
        problem(ctx, 404, "app " + found.app().clientId() + " has no secret '" + secretId + "'");
        return;
      }
      state.changeSecret(found.tenant().id(), found.app().clientId(), secretId, change);
      ctx.response().setStatusCode(204).end();
    });
  }

  private void userConsent(RoutingContext ctx) {
    Optional<Seed.Tenant> tenant = directory.tenant(ctx.pathParam("tenant"));
    if (tenant.isEmpty()) {
      problem(ctx, 404, "no tenant '" + ctx.pathParam("tenant") + "'");
      return;
    }
    state.setUsersMayConsent(tenant.get().id(), body(ctx).getBoolean("allowed", false));
    ctx.response().setStatusCode(204).end();
  }

  private void tokenRequests(RoutingContext ctx) {
    String clientId = ctx.queryParams().get("clientId");
    JsonArray requests = new JsonArray();
    for (Grants.TokenRequest request : state.tokenRequests()) {
      if (clientId == null || clientId.equals(request.clientId())) {
        requests.add(new JsonObject().put("tenant", request.tenantId()).put("clientId", request.clientId())
            .put("grantType", request.grantType()).put("status", request.status()).put("at", request.at()));
      }
    }
    json(ctx, 200, new JsonObject().put("requests", requests));
  }

  /**
   * The first tenant's first app registration: what a client configured for "the sandbox" signs in
   * with when its own tenant, client id and secret are left empty.
   */
  private void demoApp(RoutingContext ctx) {
    Seed.Tenant tenant = directory.seed().tenants().get(0);
    Seed.App app = tenant.apps().get(0);
    json(ctx, 200, new JsonObject().put("tenantId", tenant.id()).put("clientId", app.clientId())
        .put("clientSecret", app.secrets().get(0).value()));
  }

  private record FoundApp(Seed.Tenant tenant, Seed.App app) {}

  private Optional<FoundApp> app(RoutingContext ctx) {
    Optional<Seed.Tenant> tenant = directory.tenant(ctx.pathParam("tenant"));
    Optional<FoundApp> found = tenant.flatMap(t -> t.app(ctx.pathParam("clientId")).map(a -> new FoundApp(t, a)));
    if (found.isEmpty()) {
      problem(ctx, 404, "no app '" + ctx.pathParam("clientId") + "' in tenant '" + ctx.pathParam("tenant") + "'");
    }
    return found;
  }

  private static JsonObject body(RoutingContext ctx) {
    String text = ctx.body().asString();
    try {
      return text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  private static void problem(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
