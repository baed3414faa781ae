package dev.outlookflow.sandbox.graph;

import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1.0/me} and {@code GET /v1.0/users/{id | userPrincipalName}}, behind Graph's token checks. */
public final class IdentityRoutes {
  private final TokenValidator tokens;
  private final SandboxState state;

  public IdentityRoutes(TokenValidator tokens, SandboxState state) {
    this.tokens = tokens;
    this.state = state;
  }

  public void mount(Router router) {
    router.get("/v1.0/me").handler(ctx -> answer(ctx, () -> {
      Caller caller = tokens.caller(ctx.request().getHeader("Authorization"));
      Seed.User user = caller.user().orElseThrow(() -> new GraphError(400, "BadRequest",
          "/me request is only valid with delegated authentication flow."));
      return user(user);
    }));
    router.get("/v1.0/users/:id").handler(ctx -> answer(ctx, () -> {
      Caller caller = tokens.caller(ctx.request().getHeader("Authorization"));
      Seed.User user = caller.tenant().user(ctx.pathParam("id")).orElseThrow(() -> new GraphError(404,
          "Request_ResourceNotFound", "Resource '" + ctx.pathParam("id") + "' does not exist or one of its queried "
              + "reference-property objects are not present."));
      boolean self = caller.user().map(u -> u.id().equals(user.id())).orElse(false);
      boolean allowed = self || caller.scopes().stream().anyMatch(s -> s.startsWith("User.Read"))
          || caller.roles().stream().anyMatch(r -> r.startsWith("User.Read"));
      if (!allowed) {
        throw new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
      }
      return user(user);
    }));
  }

  private void answer(RoutingContext ctx, java.util.function.Supplier<JsonObject> body) {
    try {
      JsonObject json = body.get();
      ctx.response().putHeader("Content-Type", "application/json;odata.metadata=minimal;odata.streaming=true;"
          + "IEEE754Compatible=false;charset=utf-8").end(json.encode());
    } catch (GraphError e) {
      e.send(ctx, state.clock().instant());
    }
  }

  private static JsonObject user(Seed.User user) {
    String[] names = user.displayName().split(" ", 2);
    return new JsonObject()
        .put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users/$entity")
        .put("businessPhones", new JsonArray())
        .put("displayName", user.displayName())
        .put("givenName", names[0])
        .put("jobTitle", null)
        .put("mail", user.licensed() ? user.userPrincipalName() : null)
        .put("mobilePhone", null)
        .put("officeLocation", null)
        .put("preferredLanguage", null)
        .put("surname", names.length > 1 ? names[1] : null)
        .put("userPrincipalName", user.userPrincipalName())
        .put("id", user.id());
  }
}
