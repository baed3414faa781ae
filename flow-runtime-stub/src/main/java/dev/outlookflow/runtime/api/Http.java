package dev.outlookflow.runtime.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlookflow.runtime.json.JsonLimits;
import dev.outlookflow.runtime.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Small request and response helpers shared by the routes. */
final class Http {
  /** Request bodies nest at most {@link JsonLimits#MAX_REQUEST_NESTING} deep. */
  private static final ObjectMapper REQUEST_JSON = new ObjectMapper(JsonLimits.requestFactory())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
    return body(ctx.body().buffer());
  }

  /** {@link #body(RoutingContext)} of a body already read, so that it can be parsed on a worker. */
  static JsonObject body(Buffer buffer) {
    String text = buffer == null ? null : buffer.toString(StandardCharsets.UTF_8);
    if (text == null || text.isBlank()) {
      throw Problem.badRequest("a JSON object body is required");
    }
    return parse(text);
  }

  @SuppressWarnings("unchecked")
  private static JsonObject parse(String text) {
    Object parsed;
    try {
      parsed = REQUEST_JSON.readValue(text, Object.class);
    } catch (StreamConstraintsException e) {
      throw Problem.badRequest(pastLimit(e));
    } catch (JsonProcessingException e) {
      throw Problem.badRequest("the body is not valid JSON" + where(e) + ": " + firstLine(e.getOriginalMessage()));
    }
    if (parsed instanceof Map<?, ?> object) {
      return new JsonObject((Map<String, Object>) object);
    }
    throw Problem.badRequest("the body must be a JSON object, not " + describe(parsed));
  }

  /** Where in the body the parser stopped, as an editor counts: line and column. */
  private static String where(JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /** An optional body: empty means {@code {}}. */
  static JsonObject optionalBody(RoutingContext ctx) {
    return optionalBody(ctx.body().buffer());
  }

  static JsonObject optionalBody(Buffer buffer) {
    String text = buffer == null ? "" : buffer.toString(StandardCharsets.UTF_8);
    return text.isBlank() ? new JsonObject() : parse(text);
  }

  /** Which of the request limits the body is past, as far as Jackson's message tells. */
  private static String pastLimit(StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("nesting depth")) {
      return "the body nests deeper than " + JsonLimits.MAX_REQUEST_NESTING + " levels: send it flatter";
    }
    if (message.contains("Token count")) {
      return "the body holds more than " + JsonLimits.MAX_REQUEST_TOKENS + " JSON values and names: send fewer";
    }
    return "the body is past a JSON limit: " + firstLine(message.replaceAll(" ?\\(from `[^`]*`\\)", ""));
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof List) {
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
