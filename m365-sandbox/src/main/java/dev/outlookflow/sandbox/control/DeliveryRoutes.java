package dev.outlookflow.sandbox.control;

import static dev.outlookflow.sandbox.control.ControlReplies.answering;

import dev.outlookflow.sandbox.control.ControlReplies.Refusal;
import dev.outlookflow.sandbox.control.ControlReplies.Reply;
import dev.outlookflow.sandbox.mail.Deliveries;
import dev.outlookflow.sandbox.mail.Delivery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /_sandbox/deliveries}: the mail delivered into sandbox mailboxes, page by page
 * ({@code ?after=seq&limit=n}), for tests and benchmarks that time how soon a delivery is seen.
 */
public final class DeliveryRoutes {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final Deliveries deliveries;

  public DeliveryRoutes(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  public void mount(Router router) {
    router.get("/_sandbox/deliveries").handler(answering(this::page));
    router.delete("/_sandbox/deliveries").handler(answering(ctx -> {
      deliveries.clear();
      return new Reply(204, null);
    }));
  }

  /** {@code {"value", "next": the last seq answered (absent when none is), "oldest": the smallest seq kept}}. */
  private Reply page(RoutingContext ctx) {
    long after = number(ctx, "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    Deliveries.Page page = deliveries.after(after, limit);
    List<Delivery> value = page.value();
    JsonObject body = new JsonObject()
        .put("value", new JsonArray(value.stream().map(Delivery::toJson).toList()))
        .put("oldest", page.oldest());
    if (!value.isEmpty()) {
      body.put("next", value.get(value.size() - 1).seq());
    }
    return new Reply(200, body);
  }

  private static long number(RoutingContext ctx, String name, long fallback, long min, long max) {
    String given = ctx.queryParams().get(name);
    if (given == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(given.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Refused below, with the bounds.
    }
    throw new Refusal(400, name, max == Long.MAX_VALUE ? "must be a whole number, " + min + " or more"
        : "must be a whole number from " + min + " to " + max);
  }
}
