package dev.outlookflow.sandbox.control;

import dev.outlookflow.sandbox.counters.CounterSection;
import dev.outlookflow.sandbox.counters.RequestCounters;
import dev.outlookflow.sandbox.faults.FaultCount;
import dev.outlookflow.sandbox.faults.Faults;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code /_sandbox/counters}: the requests the sandbox answered and how many each fault rule hit, so a test
 * of a client proves a path really ran (a resync, a replay, a retry after 429).
 */
public final class CounterRoutes {
  private static final Set<String> OWN_SECTIONS = Set.of("requests", "dropped", "faults");
  private final RequestCounters counters;
  private final Faults faults;
  private final Map<String, CounterSection> sections;

  /** {@code sections}: further sections of the answer, by name, that other features count. */
  public CounterRoutes(RequestCounters counters, Faults faults, Map<String, CounterSection> sections) {
    if (sections.keySet().stream().anyMatch(OWN_SECTIONS::contains)) {
      throw new IllegalArgumentException("a section may not be named " + OWN_SECTIONS + ": " + sections.keySet());
    }
    this.counters = counters;
    this.faults = faults;
    this.sections = Map.copyOf(sections);
  }

  /** Mount before {@link FaultRoutes}: its {@code POST /_sandbox/reset} answers, this one resets and goes on. */
  public void mount(Router router) {
    router.get("/_sandbox/counters").handler(this::answer);
    router.delete("/_sandbox/counters").handler(ctx -> {
      reset();
      faults.resetFiredByRule();
      ctx.response().setStatusCode(204).end();
    });
    router.post("/_sandbox/reset").handler(ctx -> {
      reset();
      ctx.next();
    });
  }

  private void reset() {
    counters.reset();
    sections.values().forEach(CounterSection::reset);
  }

  /** {@code ?path=} (a template, exactly), {@code ?method=}, {@code ?status=} keep only the requests alike. */
  private void answer(RoutingContext ctx) {
    Predicate<RequestCounters.Key> wanted;
    try {
      wanted = filter(ctx);
    } catch (NumberFormatException e) {
      json(ctx, 400, new JsonObject().put("error", "status: must be a number, such as 429"));
      return;
    }
    JsonArray requests = new JsonArray();
    for (RequestCounters.Row row : counters.rows()) {
      RequestCounters.Key key = row.key();
      if (wanted.test(key)) {
        requests.add(new JsonObject().put("method", key.method()).put("path", key.path()).put("status", key.status())
            .put("app", key.app()).put("mailbox", key.mailbox()).put("count", row.count())
            .put("first", row.first().toString()).put("last", row.last().toString()));
      }
    }
    JsonArray faultCounts = new JsonArray();
    for (FaultCount rule : faults.firedByRule()) {
      faultCounts.add(new JsonObject().put("id", rule.id()).put("method", rule.method()).put("path", rule.path())
          .put("fired", rule.fired()));
    }
    JsonObject body = new JsonObject().put("requests", requests).put("dropped", counters.dropped())
        .put("faults", faultCounts);
    sections.forEach((name, section) -> body.put(name, section.snapshot()));
    json(ctx, 200, body);
  }

  private static Predicate<RequestCounters.Key> filter(RoutingContext ctx) {
    String path = ctx.queryParams().get("path");
    String method = ctx.queryParams().get("method");
    String status = ctx.queryParams().get("status");
    Integer wantedStatus = status == null ? null : Integer.valueOf(status);
    return key -> (path == null || path.equals(key.path()))
        && (method == null || method.toUpperCase(Locale.ROOT).equals(key.method()))
        && (wantedStatus == null || wantedStatus == key.status());
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
