package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.logs.LogSafe;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, when its answer is sent: method, route, status and milliseconds. The route is
 * its template ({@code /api/v1/flows/:id}) where one matched; a query string is never logged (its values
 * may be a designer's data), nor a sign-in link's ticket.
 */
final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final String SIGN_IN_LINKS = "/oauth/start/";

  private AccessLog() {}

  static void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(done -> LOG.info("{} {} {} {} ms", ctx.request().method(), LogSafe.text(route(ctx)),
        ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000));
    ctx.next();
  }

  /** The route's template, else the path as logged anywhere: without a sign-in link's one-time ticket. */
  static String route(RoutingContext ctx) {
    Route route = ctx.currentRoute();
    if (route != null && route.getPath() != null && !"/".equals(route.getPath())) {
      return route.getPath();
    }
    String path = ctx.normalizedPath();
    return path.startsWith(SIGN_IN_LINKS) ? SIGN_IN_LINKS + "[ticket]" : path;
  }
}
