package dev.outlookflow.sandbox.faults;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exchange's limits per app and mailbox: at most N requests at once (429 MailboxConcurrency) and M
 * per 10 minutes (429 with the seconds until a slot frees in {@code Retry-After}).
 */
public final class MailboxLimits {
  private static final long WINDOW_MILLIS = 10 * 60 * 1000L;
  private static final Pattern MAILBOX = Pattern.compile("^/v1\\.0/(me|users/([^/]+))/(mailFolders|messages|sendMail).*");

  private final Seed.Limits limits;
  private final SandboxState state;
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  /** The most requests that were in flight at once, per concurrency key: what tests of overlap assert on. */
  private final Map<String, Integer> peaks = new ConcurrentHashMap<>();
  private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

  public MailboxLimits(Seed.Limits limits, SandboxState state) {
    this.limits = limits;
    this.state = state;
  }

  public void reset() {
    inFlight.clear();
    recent.clear();
    peaks.clear();
  }

  /** The peak of requests in flight at once since the start or the last reset, per {@code app|mailbox} (or app). */
  public Map<String, Integer> peaks() {
    return Map.copyOf(peaks);
  }

  public void handle(RoutingContext ctx) {
    String key = limits.throttling() ? key(ctx) : null;
    if (key == null) {
      ctx.next();
      return;
    }
    long now = state.clock().millis();
    Deque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
    long retryAfterMillis;
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
        times.pollFirst();
      }
      retryAfterMillis = times.size() >= limits.requestsPer10Minutes() ? times.peekFirst() + WINDOW_MILLIS - now : 0;
      if (retryAfterMillis == 0) {
        times.addLast(now);
      }
    }
    if (retryAfterMillis > 0) {
      ctx.response().putHeader("Retry-After", String.valueOf((retryAfterMillis + 999) / 1000));
      throttled(ctx, "Application is over its request limit per mailbox.");
      return;
    }
    String concurrencyKey = limits.concurrencyPerApp() ? key.substring(0, key.indexOf('|')) : key;
    AtomicInteger running = inFlight.computeIfAbsent(concurrencyKey, k -> new AtomicInteger());
    int concurrent = running.incrementAndGet();
    if (concurrent > limits.concurrentRequests()) {
      running.decrementAndGet();
      ctx.response().putHeader("Retry-After", "1");
      throttled(ctx, "Application is over its MailboxConcurrency limit.");
      return;
    }
    peaks.merge(concurrencyKey, concurrent, Math::max);
    ctx.addEndHandler(done -> running.decrementAndGet());
    ctx.next();
  }

  private void throttled(RoutingContext ctx, String message) {
    ctx.response().setStatusCode(429).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", new JsonObject().put("code", "ApplicationThrottled").put("message", message))
            .encode());
  }

  /** {@code app|mailbox}, from the token's claims (read, not verified: the routes verify it). */
  private static String key(RoutingContext ctx) {
    Matcher path = MAILBOX.matcher(ctx.normalizedPath());
    String authorization = ctx.request().getHeader("Authorization");
    if (!path.matches() || authorization == null || authorization.length() < 8) {
      return null;
    }
    try {
      JWTClaimsSet claims = SignedJWT.parse(authorization.substring(7).trim()).getJWTClaimsSet();
      String mailbox = path.group(2) != null ? path.group(2).toLowerCase(Locale.ROOT) : "me:" + claims.getSubject();
      return claims.getClaim("appid") + "|" + mailbox;
    } catch (java.text.ParseException e) {
      return null;
    }
  }
}
