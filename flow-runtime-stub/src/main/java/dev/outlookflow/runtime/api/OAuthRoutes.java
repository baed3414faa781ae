package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.connections.SignInService;
import dev.outlookflow.runtime.problem.Problem;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the identity provider sends the browser back: a GET with a query or a POST with a form
 * body ({@code response_mode=form_post}, which msal4j forces). Answers a small page for the admin.
 */
final class OAuthRoutes {
  private final SignInService signIns;

  OAuthRoutes(SignInService signIns) {
    this.signIns = signIns;
  }

  void mount(Router router) {
    router.get("/oauth/callback").handler(ctx -> complete(ctx, ctx.queryParams()));
    router.post("/oauth/callback").handler(ctx -> complete(ctx, ctx.request().formAttributes()));
  }

  private void complete(RoutingContext ctx, MultiMap parameters) {
    Map<String, String> values = new HashMap<>();
    parameters.names().forEach(name -> values.put(name, parameters.get(name)));
    signIns.complete(values)
        .onSuccess(connection -> page(ctx, 200, "Connected",
            "The connection \"" + connection.name() + "\" is " + connection.status().replace('_', ' ')
                + ". You can close this window."))
        .onFailure(e -> page(ctx, e instanceof Problem p ? p.status() : 400, "Sign-in not completed",
            e.getMessage()));
  }

  private static void page(RoutingContext ctx, int status, String title, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", "default-src 'none'")
        .end("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
            + "</title></head><body><h1>" + escape(title) + "</h1><p>" + escape(message)
            + "</p></body></html>");
  }

  private static String escape(String text) {
    return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
