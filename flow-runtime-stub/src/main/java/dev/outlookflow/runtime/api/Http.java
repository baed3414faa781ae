package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small request and response helpers shared by the routes. */
final class Http {
  private Http() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(body.encode());
  }

  /** Answers with the future's JSON, or lets the failure handler explain its failure. */
  static void respond(RoutingContext ctx, int status, Future<JsonObject> result) {
    result.onSuccess(body -> json(ctx, status, body)).onFailure(ctx::fail);
  }

  static void noContent(RoutingContext ctx, Future<?> result) {
    result.onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  /** The request body as a JSON object; a clear 400 when it is missing, malformed or not an object. */
  static JsonObject body(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw Problem.badRequest("a JSON object body is required");
    }
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(text);
    } catch (DecodeException e) {
      throw Problem.badRequest("the body is not valid JSON: " + firstLine(e.getMessage()));
    }
    if (parsed instanceof JsonObject object) {
      return object;
    }
    throw Problem.badRequest("the body must be a JSON object, not " + describe(parsed));
  }

  /** An optional body: empty means {@code {}}. */
  static JsonObject optionalBody(RoutingContext ctx) {
    String text = ctx.body().asString();
    return text == null || text.isBlank() ? new JsonObject() : body(ctx);
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof io.vertx.core.json.JsonArray) {
      return "an array";
    }
    return "a " + value.getClass().getSimpleName().toLowerCase();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
