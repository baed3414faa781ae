package dev.outlookflow.sandbox.control;

import dev.outlookflow.sandbox.delta.DeltaControls;
import dev.outlookflow.sandbox.faults.Fault;
import dev.outlookflow.sandbox.faults.Faults;
import dev.outlookflow.sandbox.faults.MailboxLimits;
import dev.outlookflow.sandbox.mail.MailStore;
import dev.outlookflow.sandbox.stream.MailStreams;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;

/** Control API for faults ({@code /_sandbox/faults}) and {@code /_sandbox/reset}. */
public final class FaultRoutes {
  private static final Set<Integer> STATUSES = new TreeSet<>(Set.of(400, 401, 403, 404, 409, 413, 429, 500, 502,
      503, 504, 507));
  /** A body served verbatim is a test's, not a mailbox's: small. */
  static final int MAX_BODY_CHARACTERS = 64 * 1024;
  private final Faults faults;
  private final MailboxLimits limits;
  private final MailStore mail;
  private final MailStreams streams;
  private final DeltaControls delta;

  public FaultRoutes(Faults faults, MailboxLimits limits, MailStore mail, MailStreams streams, DeltaControls delta) {
    this.faults = faults;
    this.limits = limits;
    this.mail = mail;
    this.streams = streams;
    this.delta = delta;
  }

  public void mount(Router router) {
    router.post("/_sandbox/faults").handler(this::add);
    router.get("/_sandbox/faults").handler(ctx -> json(ctx, 200, new JsonObject().put("active", faults.count())
        .put("fired", faults.fired()).put("held", faults.held())));
    router.post("/_sandbox/faults/release").handler(ctx -> json(ctx, 200,
        new JsonObject().put("released", faults.release())));
    router.get("/_sandbox/limits").handler(ctx -> json(ctx, 200,
        new JsonObject().put("peakInFlight", new JsonObject(new LinkedHashMap<>(limits.peaks())))));
    router.delete("/_sandbox/faults").handler(ctx -> {
      faults.clear();
      ctx.response().setStatusCode(204).end();
    });
    router.post("/_sandbox/reset").handler(ctx -> {
      faults.clear();
      limits.reset();
      // Streams first: none may deliver into the mailboxes the reset replaces.
      streams.forget();
      mail.reset();
      delta.forget();
      ctx.response().setStatusCode(204).end();
    });
  }

  /**
   * {@code {"method", "path" (glob), "fault": {"type": "status", "status", "retryAfter", "body"} | {"type":
   * "latency", "millis"} | {"type": "dropBefore"} | {"type": "dropAfter"}, "times" | "probability" + "seed"}}.
   */
  private void add(RoutingContext ctx) {
    JsonObject body;
    try {
      body = new JsonObject(ctx.body().asString());
    } catch (RuntimeException e) {
      problem(ctx, "the body must be JSON");
      return;
    }
    JsonObject spec = body.getJsonObject("fault", new JsonObject());
    Fault fault;
    switch (spec.getString("type", "")) {
      case "status" -> {
        Integer status = spec.getInteger("status");
        if (status == null || !STATUSES.contains(status)) {
          problem(ctx, "status must be one of " + STATUSES);
          return;
        }
        Object retryAfter = spec.getValue("retryAfter");
        Object given = spec.getValue("body");
        String verbatim = given == null ? null : given instanceof String text ? text : Json.encode(given);
        if (verbatim != null && verbatim.length() > MAX_BODY_CHARACTERS) {
          problem(ctx, "body may hold at most " + MAX_BODY_CHARACTERS + " characters");
          return;
        }
        fault = new Fault.Status(status, retryAfter == null ? null : String.valueOf(retryAfter), verbatim);
      }
      case "latency" -> fault = new Fault.Latency(spec.getLong("millis", 0L));
      case "hold" -> fault = new Fault.Hold();
      case "dropBefore" -> fault = new Fault.DropBefore();
      case "dropAfter" -> fault = new Fault.DropAfter();
      default -> {
        problem(ctx, "fault.type must be status, latency, hold, dropBefore or dropAfter");
        return;
      }
    }
    if (body.getString("path") == null || (body.getValue("times") == null && body.getValue("probability") == null)) {
      problem(ctx, "path and either times (next N requests) or probability (with seed) are required");
      return;
    }
    if (faults.full()) {
      problem(ctx, "faults: at most 1000 rules, spent ones included; DELETE /_sandbox/faults clears them");
      return;
    }
    String id = faults.add(body.getString("method"), body.getString("path"), fault, body.getInteger("times"),
        body.getDouble("probability"), body.getLong("seed", 0L));
    json(ctx, 201, new JsonObject().put("id", id));
  }

  private static void problem(RoutingContext ctx, String message) {
    json(ctx, 400, new JsonObject().put("error", message));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
