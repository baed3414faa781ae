package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.access.AccessService;
import dev.outlookflow.runtime.access.FailedAttempts;
import dev.outlookflow.runtime.access.Principal;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/** Authenticates each API request's bearer key and hands its principal to the routes. */
final class Principals {
  private static final String KEY = "principal";

  private final AccessService access;
  private final FailedAttempts failedAttempts;

  Principals(AccessService access, FailedAttempts failedAttempts) {
    this.access = access;
    this.failedAttempts = failedAttempts;
  }

  static Principal of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).strip()
        : null;
    access.authenticate(presented).onComplete(result -> {
      if (result.succeeded() && result.result().isPresent()) {
        ctx.put(KEY, result.result().get());
        ctx.next();
      } else if (result.failed()) {
        ctx.fail(result.cause());
      } else {
        refuse(ctx);
      }
    });
  }

  /** A wrong key is answered 401, later and later when one address keeps guessing. */
  private void refuse(RoutingContext ctx) {
    Duration delay = failedAttempts.failed(ctx.request().remoteAddress().hostAddress());
    if (delay.isZero()) {
      ctx.fail(401);
    } else {
      ctx.vertx().setTimer(delay.toMillis(), t -> ctx.fail(401));
    }
  }
}
