package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.RuntimeEnvironment;
import dev.outlookflow.runtime.connections.BrowserBinding;
import dev.outlookflow.runtime.connections.SignInRefused;
import dev.outlookflow.runtime.connections.SignInService;
import dev.outlookflow.runtime.connections.SignInService.BrowserStart;
import dev.outlookflow.runtime.connections.SignInService.Completed;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a browser opens, without a key: a sign-in link, an admin-consent link, and the callback the
 * identity provider sends it back to. The callback completes a sign-in only for the browser holding the
 * cookie that opening the link set; the identity provider answers in the query ({@code response_mode=query}),
 * since a cross-site form post would arrive without that cookie ({@code SameSite=Lax}).
 */
final class OAuthRoutes {
  private static final String CALLBACK = "/oauth/callback";

  private final SignInService signIns;
  private final RuntimeEnvironment environment;

  OAuthRoutes(SignInService signIns, RuntimeEnvironment environment) {
    this.signIns = signIns;
    this.environment = environment;
  }

  void mount(Router router) {
    router.get("/oauth/start/:ticket").handler(ctx -> redirect(ctx, signIns.start(ctx.pathParam("ticket"))));
    router.get("/oauth/admin-consent/:connection").handler(ctx ->
        redirect(ctx, signIns.startAdminConsent(ctx.pathParam("connection"))));
    router.get(CALLBACK).handler(this::complete);
  }

  private void redirect(RoutingContext ctx, Future<BrowserStart> started) {
    started.onSuccess(start -> ctx.response()
            .addCookie(Cookie.cookie(start.binding().cookieName(), start.binding().cookieValue())
                .setPath(CALLBACK)
                .setMaxAge(SignInPages.COOKIE_SECONDS)
                .setHttpOnly(true)
                .setSecure(environment.publicUrl().startsWith("https:"))
                .setSameSite(CookieSameSite.LAX))
            .setStatusCode(302)
            .putHeader("Location", start.location())
            .putHeader("Cache-Control", "no-store")
            .putHeader("Referrer-Policy", "no-referrer")
            .end())
        .onFailure(e -> refused(ctx, e));
  }

  private void complete(RoutingContext ctx) {
    MultiMap query = ctx.queryParams();
    Map<String, String> values = new HashMap<>();
    query.names().forEach(name -> values.put(name, query.get(name)));
    String state = values.get("state");
    signIns.complete(values, name -> {
          Cookie cookie = ctx.request().getCookie(name);
          return cookie == null ? null : cookie.getValue();
        })
        .onComplete(done -> {
          if (state != null && !state.isBlank()) {
            ctx.response().addCookie(Cookie.cookie(
                BrowserBinding.cookieName(state), "").setPath(CALLBACK)
                .setMaxAge(0).setHttpOnly(true).setSameSite(CookieSameSite.LAX));
          }
        })
        .onSuccess(completed -> SignInPages.send(ctx, 200, title(completed), sentence(completed), Optional.empty()))
        .onFailure(e -> refused(ctx, e));
  }

  private static String title(Completed completed) {
    return completed.approval() ? "Approved" : "Signed in";
  }

  private static String sentence(Completed completed) {
    String connection = "The connection \"" + completed.connection().name() + "\" is "
        + completed.connection().status().replace('_', ' ')
        + sentenceEnd(completed.connection().statusMessage());
    return (completed.approval() ? "An administrator approved the app for the whole organisation. " : "")
        + connection + " You can close this window.";
  }

  private static String sentenceEnd(String message) {
    if (message == null || message.isBlank()) {
      return ".";
    }
    return ": " + message + (message.endsWith(".") ? "" : ".");
  }

  private static void refused(RoutingContext ctx, Throwable e) {
    if (e instanceof SignInRefused refused) {
      SignInPages.send(ctx, refused.status(), "Sign-in not completed", refused.getMessage(),
          refused.adminConsentLink());
    } else {
      ctx.fail(e);
    }
  }
}
