package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.failures.Causes;
import dev.outlookflow.runtime.failures.StoreException;
import dev.outlookflow.runtime.logs.LogSafe;
import dev.outlookflow.runtime.problem.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"error", "fields"?}} with the right status. Unexpected failures
 * are logged under an incident id that the answer gives, without details that could leak data.
 */
final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  static void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof Problem problem) {
      if (problem.status() == 503) {
        unavailable(ctx, body(problem));
      } else {
        Http.json(ctx, problem.status(), body(problem));
      }
      return;
    }
    if (Causes.find(failure, OutOfMemoryError.class).isPresent()) {
      // A request that needs more memory than is free now: the client's to make smaller or send later.
      unavailable(ctx, new JsonObject().put("error", "the runtime has not the memory to handle this request "
          + "now: send a smaller one, or try again later"));
      return;
    }
    int status = ctx.statusCode();
    if (failure != null && (status == 200 || status == 400)) {
      // Vert.x's BodyHandler fails with 200 (or 400 for a decoder's error) when reading the body
      // failed, e.g. a form field over the server's limit: the client's request, not an incident.
      Http.json(ctx, 400, new JsonObject().put("error", "the request body could not be read ("
          + LogSafe.text(String.valueOf(failure.getMessage())) + "): send a smaller or well-formed body"));
      return;
    }
    if (failure == null && status >= 400 && status < 500) {
      Http.json(ctx, status, new JsonObject().put("error", clientError(status, ctx)));
      return;
    }
    String incident = UUID.randomUUID().toString();
    LOG.error("incident {}: {} {} failed: {}", incident, ctx.request().method(), LogSafe.text(AccessLog.route(ctx)),
        LogSafe.text(String.valueOf(failure)));
    if (StoreException.isStoreFault(failure)) {
      // A full disk or a lock held too long passes: the same request may well succeed in a moment.
      unavailable(ctx, new JsonObject().put("error", "the runtime's store could not answer (incident " + incident
          + " is in its log): try again shortly"));
      return;
    }
    Http.json(ctx, 500, new JsonObject()
        .put("error", "the runtime failed to handle this request; incident " + incident + " is in its log"));
  }

  /** 503: the same request may succeed a moment later, so the answer says when to try. */
  private static void unavailable(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Retry-After", "1");
    Http.json(ctx, 503, body);
  }

  static JsonObject body(Problem problem) {
    JsonObject body = new JsonObject().put("error", problem.getMessage());
    if (!problem.fields().isEmpty()) {
      JsonArray fields = new JsonArray();
      problem.fields().forEach(f -> fields.add(new JsonObject().put("field", f.field()).put("message", f.message())));
      body.put("fields", fields);
    }
    return body;
  }

  private static String clientError(int status, RoutingContext ctx) {
    return switch (status) {
      case 401 -> "missing, unknown or revoked API key: send Authorization: Bearer <key>";
      case 404 -> "no such route: " + ctx.request().method() + " " + ctx.normalizedPath();
      case 405 -> "method " + ctx.request().method() + " is not allowed on " + ctx.normalizedPath();
      case 413 -> "the body is larger than this route accepts";
      case 415 -> "unsupported content type";
      default -> "the request was refused (HTTP " + status + ")";
    };
  }
}
