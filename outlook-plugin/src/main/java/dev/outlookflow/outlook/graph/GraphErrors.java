package dev.outlookflow.outlook.graph;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph's error answers in the shapes they come in. Microsoft documents {@code {"error": {"code",
 * "message", "innerError"}}}; in the wild there are also {@code code} and {@code message} at the top,
 * {@code error} without {@code innerError}, {@code error} as a plain string (an OAuth-style
 * {@code error_description} beside it), OData's {@code message: {"value"}}, and bodies that are not
 * JSON at all (a gateway's page). Whatever the body says is kept as the message.
 */
final class GraphErrors {
  /** A body larger than this is a gateway's page, not Graph's error: its beginning is enough. */
  static final int MAX_PARSED_BYTES = 64 * 1024;
  /** How much of a message a sentence carries. */
  static final int MAX_MESSAGE_CHARACTERS = 1_000;

  private GraphErrors() {}

  static GraphException of(int status, Buffer body, String requestIdHeader, String retryAfter) {
    String text = body == null ? "" : body.getString(0, Math.min(body.length(), MAX_PARSED_BYTES),
        StandardCharsets.UTF_8.name()).strip();
    JsonObject json = object(text);
    if (json == null) {
      return new GraphException(status, null, List.of(), text.isEmpty() ? "(its answer had no body)" : clip(text),
          requestIdHeader, retryAfter);
    }
    Object error = json.getValue("error");
    if (error instanceof String plain) {
      // {"error": "invalid_token", "error_description": "..."} or {"error": "Something went wrong."}
      boolean isCode = !plain.isBlank() && plain.chars().noneMatch(Character::isWhitespace);
      String description = json.getString("error_description", json.getString("message"));
      return new GraphException(status, isCode ? plain : null, List.of(),
          clip(description != null ? description : plain), requestIdHeader, retryAfter);
    }
    JsonObject details = error instanceof JsonObject nested ? nested : json;
    JsonObject innerError = inner(details);
    List<String> innerCodes = new ArrayList<>();
    for (JsonObject level = innerError; level != null; level = inner(level)) {
      if (level.getValue("code") instanceof String code) {
        innerCodes.add(code);
      }
    }
    String requestId = requestIdHeader != null ? requestIdHeader
        : innerError != null && innerError.getValue("request-id") instanceof String id ? id : null;
    String code = details.getValue("code") instanceof String given && !given.isBlank() ? given : null;
    String message = message(details.getValue("message"));
    return new GraphException(status, code, innerCodes, message == null ? clip(text) : clip(message), requestId,
        retryAfter);
  }

  private static JsonObject object(String text) {
    if (!text.startsWith("{")) {
      return null;
    }
    try {
      return new JsonObject(text);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static JsonObject inner(JsonObject level) {
    Object inner = level.getValue("innerError", level.getValue("innererror"));
    return inner instanceof JsonObject object ? object : null;
  }

  /** A message as a string, or OData's {@code {"lang", "value"}}. */
  private static String message(Object message) {
    if (message instanceof String text && !text.isBlank()) {
      return text;
    }
    if (message instanceof JsonObject localized && localized.getValue("value") instanceof String value) {
      return value;
    }
    if (message instanceof JsonArray || message instanceof JsonObject) {
      return message.toString();
    }
    return null;
  }

  private static String clip(String text) {
    return text.length() <= MAX_MESSAGE_CHARACTERS ? text : text.substring(0, MAX_MESSAGE_CHARACTERS) + "…";
  }
}
