package dev.outlookflow.sandbox.control;

import dev.outlookflow.sandbox.faults.Fault;
import dev.outlookflow.sandbox.faults.Faults;
import dev.outlookflow.sandbox.faults.MailboxLimits;
import dev.outlookflow.sandbox.mail.MailStore;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** Control API for faults ({@code /_sandbox/faults}) and {@code /_sandbox/reset}. */
public final class FaultRoutes {
  private static final Set<Integer> STATUSES = Set.of(401, 429, 500, 502, 503, 504, 507);
  private final Faults faults;
  private final MailboxLimits limits;
  private final MailStore mail;

  public FaultRoutes(Faults faults, MailboxLimits limits, MailStore mail) {
    this.faults = faults;
    this.limits = limits;
    this.mail = mail;
  }

  public void mount(Router router) {
    router.post("/_sandbox/faults").handler(this::add);
    router.get("/_sandbox/faults").handler(ctx -> json(ctx, 200, new JsonObject().put("active", faults.count())
        .put("fired", faults.fired())));
    router.delete("/_sandbox/faults").handler(ctx -> {
      faults.clear();
      ctx.response().setStatusCode(204).end();
    });
    router.post("/_sandbox/reset").handler(ctx -> {
      faults.clear();
      limits.reset();
      mail.reset();
      ctx.response().setStatusCode(204).end();
    });
  }

  /**
   * {@code {"method", "path" (glob), "fault": {"type": "status", "status", "retryAfter"} | {"type":
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
        fault = new Fault.Status(status, retryAfter == null ? null : String.valueOf(retryAfter));
      }
      case "latency" -> fault = new Fault.Latency(spec.getLong("millis", 0L));
      case "dropBefore" -> fault = new Fault.DropBefore();
      case "dropAfter" -> fault = new Fault.DropAfter();
      default -> {
        problem(ctx, "fault.type must be status, latency, dropBefore or dropAfter");
        return;
      }
    }
    if (body.getString("path") == null || (body.getValue("times") == null && body.getValue("probability") == null)) {
      problem(ctx, "path and either times (next N requests) or probability (with seed) are required");
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
