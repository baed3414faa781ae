package dev.outlookflow.sandbox.control;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * How the newer control routes answer: an operation returns its {@link Reply} or throws a {@link Refusal},
 * answered {@code {"error": "<field>: <what is wrong>"}}.
 */
final class ControlReplies {
  private ControlReplies() {}

  /** A status and a JSON body (none for 204). */
  record Reply(int status, JsonObject body) {}

  /** A request refused, naming the field (or path part) that is wrong. */
  static final class Refusal extends RuntimeException {
    private final int status;

    Refusal(int status, String field, String problem) {
      super(field + ": " + problem, null, false, false);
      this.status = status;
    }
  }

  static Handler<RoutingContext> answering(Function<RoutingContext, Reply> operation) {
    return ctx -> {
      Reply reply;
      try {
        reply = operation.apply(ctx);
      } catch (Refusal refusal) {
        reply = new Reply(refusal.status, new JsonObject().put("error", refusal.getMessage()));
      }
      ctx.response().setStatusCode(reply.status());
      if (reply.body() == null) {
        ctx.response().end();
      } else {
        ctx.response().putHeader("Content-Type", "application/json").end(reply.body().encode());
      }
    };
  }

  /** The body as a JSON object; none is an empty one. */
  static JsonObject body(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(text);
    } catch (RuntimeException e) {
      throw new Refusal(400, "body", "must be a JSON object");
    }
  }
}
