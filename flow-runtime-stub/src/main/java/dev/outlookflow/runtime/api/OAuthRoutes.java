package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.connections.BrowserBinding;
import dev.outlookflow.runtime.connections.SignInRefused;
import dev.outlookflow.runtime.connections.SignInService.BrowserStart;
import dev.outlookflow.runtime.connections.SignInService.Completed;
import dev.outlookflow.runtime.connections.SignInService;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
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
    router.get("/oauth/callback").handler(this::complete);
  }

  private void redirect(RoutingContext ctx, Future<BrowserStart> started) {
    started.onSuccess(start -> ctx.response()
            .addCookie(bound(start.binding().cookieName(), start.binding().cookieValue(),
                SignInService.PENDING_FOR.toSeconds()))
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
            ctx.response().addCookie(bound(BrowserBinding.cookieName(state), "", 0));
          }
        })
        .onSuccess(completed -> SignInPages.send(ctx, 200, title(completed), sentence(completed), Optional.empty()))
        .onFailure(e -> refused(ctx, e));
  }

  /**
   * A sign-in's cookie: sent back only to the callback (under the public URL's path, which a proxy may
   * prefix), never to scripts, and with a top-level navigation from another site but not a cross-site post.
   */
  private Cookie bound(String name, String value, long maxAgeSeconds) {
    URI callback = URI.create(environment.oauthCallbackUrl());
    return Cookie.cookie(name, value)
        .setPath(callback.getRawPath())
        .setMaxAge(maxAgeSeconds)
        .setHttpOnly(true)
        .setSecure("https".equals(callback.getScheme()))
        .setSameSite(CookieSameSite.LAX);
  }

  private static String title(Completed completed) {
    return completed.approval() ? "Admin consent" : "Signed in";
  }

  private static String sentence(Completed completed) {
    String connection = "The connection \"" + completed.connection().name() + "\" is "
        + completed.connection().status().replace('_', ' ')
        + sentenceEnd(completed.connection().statusMessage());
    return (completed.approval()
        ? "Microsoft Entra reports that an administrator approved the app for the whole organisation. " : "")
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
