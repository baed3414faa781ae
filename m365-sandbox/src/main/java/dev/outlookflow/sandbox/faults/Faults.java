package dev.outlookflow.sandbox.faults;

import dev.outlookflow.sandbox.graph.GraphError;
import dev.outlookflow.sandbox.state.SandboxState;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Dev Proxy-style fault injection in front of Graph: errors with Graph's bodies, latency, and
 * connections dropped before or after the request is handled.
 */
public final class Faults {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  /** Past this many held requests, more go on at once: a rule with a probability must not hold without end. */
  private static final int MAX_HELD = 1000;
  /** Every request walks the rules; a test needs far fewer. */
  static final int MAX_RULES = 1000;
  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicLong fired = new java.util.concurrent.atomic.AtomicLong();
  /** Requests a {@link Fault.Hold} parked, each with the context it continues on. */
  private final Queue<Map.Entry<Context, RoutingContext>> held = new ConcurrentLinkedQueue<>();
  private final SandboxState state;

  public Faults(SandboxState state) {
    this.state = state;
  }

  /** Whether another rule may be added: spent rules stay until cleared, so their number is bounded. */
  public boolean full() {
    return rules.size() >= MAX_RULES;
  }

  public String add(String method, String path, Fault fault, Integer times, Double probability, long seed) {
    String id = UUID.randomUUID().toString();
    rules.add(new FaultRule(id, method, path, fault, times, probability, seed));
    return id;
  }

  /** Forgets the rules; requests still held are released, so none is left hanging. */
  public void clear() {
    rules.clear();
    fired.set(0);
    release();
  }

  /** How many requests are held now. */
  public int held() {
    return held.size();
  }

  /** Lets every held request go on, each on its own context; answers how many there were. */
  public int release() {
    int released = 0;
    for (Map.Entry<Context, RoutingContext> entry = held.poll(); entry != null; entry = held.poll()) {
      Map.Entry<Context, RoutingContext> parked = entry;
      parked.getKey().runOnContext(v -> parked.getValue().next());
      released++;
    }
    return released;
  }

  /** How many requests a fault has hit since the start or the last {@link #clear()}. */
  public long fired() {
    return fired.get();
  }

  /** How many rules may still fire. Spent ones stay, for {@link #firedByRule()}, until {@link #clear()}. */
  public int count() {
    return (int) rules.stream().filter(rule -> !rule.spent()).count();
  }

  /** How many requests each rule hit, in the order the rules were added, spent ones too. */
  public List<FaultCount> firedByRule() {
    return rules.stream().map(FaultRule::tally).toList();
  }

  /** Starts each rule's count again; the rules, and the total {@link #fired()}, stay. */
  public void resetFiredByRule() {
    rules.forEach(FaultRule::resetTally);
  }

  /** Router handler: the first rule that fires decides; otherwise the request goes on. */
  public void handle(RoutingContext ctx) {
    String method = ctx.request().method().name();
    String path = ctx.normalizedPath();
    for (FaultRule rule : rules) {
      if (rule.fires(method, path)) {
        fired.incrementAndGet();
        apply(ctx, rule.fault());
        return;
      }
    }
    ctx.next();
  }

  private void apply(RoutingContext ctx, Fault fault) {
    if (fault instanceof Fault.Latency latency) {
      ctx.vertx().setTimer(Math.max(1, latency.millis()), t -> ctx.next());
    } else if (fault instanceof Fault.Hold && held.size() < MAX_HELD) {
      held.add(Map.entry(ctx.vertx().getOrCreateContext(), ctx));
    } else if (fault instanceof Fault.Hold) {
      ctx.next();
    } else if (fault instanceof Fault.DropBefore) {
      ctx.request().connection().close();
    } else if (fault instanceof Fault.DropAfter) {
      ctx.addHeadersEndHandler(v -> ctx.request().connection().close());
      ctx.next();
    } else if (fault instanceof Fault.Status status) {
      answer(ctx, status);
    }
  }

  private void answer(RoutingContext ctx, Fault.Status status) {
    if (status.retryAfter() != null) {
      ctx.response().putHeader("Retry-After", status.retryAfter());
    }
    if (status.body() != null) {
      String body = status.body().strip();
      boolean json = body.startsWith("{") || body.startsWith("[");
      ctx.response().setStatusCode(status.status())
          .putHeader("Content-Type", json ? "application/json" : "text/plain; charset=utf-8")
          .putHeader("request-id", UUID.randomUUID().toString()).end(status.body());
      return;
    }
    if (status.status() == 429) {
      tooManyRequests(ctx, "Please retry again later.", state);
      return;
    }
    if (status.status() == 401) {
      // Graph's answer to a token it no longer accepts (revoked, or its permissions withdrawn), whatever the token.
      GraphError.invalidToken("Access token validation failure (injected fault).").send(ctx, state.clock().instant());
      return;
    }
    String code = switch (status.status()) {
      case 400 -> "invalidRequest";
      case 403 -> "ErrorAccessDenied";
      case 404 -> "ErrorItemNotFound";
      case 409 -> "conflict";
      case 413 -> "ErrorMessageSizeExceeded";
      case 502 -> "BadGateway";
      case 503 -> "serviceNotAvailable";
      case 504 -> "GatewayTimeout";
      case 507 -> "quotaLimitReached";
      default -> "generalException";
    };
    new GraphError(status.status(), code, "The service could not handle the request (injected fault).")
        .send(ctx, state.clock().instant());
  }

  /** Graph's 429 body, as in its documented throttling sample. */
  static void tooManyRequests(RoutingContext ctx, String message, SandboxState state) {
    String requestId = UUID.randomUUID().toString();
    ctx.response().setStatusCode(429).putHeader("Content-Type", "application/json").putHeader("request-id", requestId)
        .end(new JsonObject().put("error", new JsonObject()
            .put("code", "TooManyRequests")
            .put("innerError", new JsonObject().put("code", "429").put("date", DATE.format(state.clock().instant()))
                .put("message", "Please retry after").put("request-id", requestId).put("status", "429"))
            .put("message", message)).encode());
  }
}
