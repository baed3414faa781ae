package dev.outlookflow.sandbox.control;

import static dev.outlookflow.sandbox.control.ControlReplies.answering;
import static dev.outlookflow.sandbox.control.ControlReplies.body;

import dev.outlookflow.sandbox.control.ControlReplies.Refusal;
import dev.outlookflow.sandbox.control.ControlReplies.Reply;
import dev.outlookflow.sandbox.stream.InvalidField;
import dev.outlookflow.sandbox.stream.MailStreams;
import dev.outlookflow.sandbox.stream.StreamSpec;
import dev.outlookflow.sandbox.stream.StreamSpecReader;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /_sandbox/streams}: start a stream of generated mail, follow it, cancel it. */
public final class StreamRoutes {
  private final MailStreams streams;
  private final StreamSpecReader reader;

  public StreamRoutes(MailStreams streams, StreamSpecReader reader) {
    this.streams = streams;
    this.reader = reader;
  }

  public void mount(Router router) {
    router.post("/_sandbox/streams").handler(answering(this::start));
    router.get("/_sandbox/streams/:id").handler(answering(ctx -> new Reply(200, streams.status(ctx.pathParam("id"))
        .orElseThrow(() -> unknown(ctx)))));
    router.delete("/_sandbox/streams/:id").handler(answering(ctx -> new Reply(200, streams.cancel(ctx.pathParam("id"))
        .orElseThrow(() -> unknown(ctx)))));
  }

  /** 202 with the stream's status: it delivers from now on, in the background. */
  private Reply start(RoutingContext ctx) {
    StreamSpec spec;
    try {
      spec = reader.read(body(ctx));
    } catch (InvalidField e) {
      return new Reply(400, new JsonObject().put("error", e.getMessage()));
    }
    JsonObject status = streams.start(spec).orElseThrow(() -> new Refusal(429, "streams",
        "too many are running; cancel one or wait for one to finish"));
    return new Reply(202, status);
  }

  private static Refusal unknown(RoutingContext ctx) {
    return new Refusal(404, "id", "no stream '" + ctx.pathParam("id") + "'");
  }
}
