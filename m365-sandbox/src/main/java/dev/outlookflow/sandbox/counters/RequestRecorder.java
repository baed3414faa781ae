package dev.outlookflow.sandbox.counters;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.vertx.ext.web.RoutingContext;
import java.text.ParseException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The router's first handler: counts each request on Graph, Entra and upload paths as it is answered,
 * whoever answered it (a route, an injected fault, the limits, the body limit, the router's 404), and shows
 * {@link RetryAfters} each Graph request as it arrives and as it is answered. The control API is not counted:
 * tests read the counters through it.
 */
public final class RequestRecorder {
  private static final String CONTROL_API = "/_sandbox";
  private static final String GRAPH = "/v1.0/";

  private final RequestCounters counters;
  private final RetryAfters retryAfters;
  private final Clock clock;

  public RequestRecorder(RequestCounters counters, RetryAfters retryAfters, Clock clock) {
    this.counters = counters;
    this.retryAfters = retryAfters;
    this.clock = clock;
  }

  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (!path.equals(CONTROL_API) && !path.startsWith(CONTROL_API + "/")) {
      record(ctx, path);
    }
    ctx.next();
  }

  private void record(RoutingContext ctx, String path) {
    String method = ctx.request().method().name();
    String template = PathTemplate.of(path);
    JWTClaimsSet claims = bearerClaims(ctx.request().getHeader("Authorization"));
    String mailbox = mailbox(path, claims);
    boolean graph = path.startsWith(GRAPH);
    // Graph reads no form, so its caller is known on arrival; a token request names its client in its form,
    // parsed only by the time it is answered (null until then).
    String app = claims != null ? firstOf(claims, "appid", "azp") : graph ? "" : null;
    Arrived request = new Arrived(method, template, app, mailbox);
    RetryAfters.Caller caller = graph ? new RetryAfters.Caller(app, mailbox) : null;
    if (caller != null) {
      retryAfters.arrived(method, template, caller);
    }
    AtomicBoolean counted = new AtomicBoolean();
    // Counted as the answer's headers go out, so a client that has its answer finds it counted.
    ctx.addHeadersEndHandler(v -> {
      int status = ctx.response().getStatusCode();
      count(ctx, request, status, counted);
      if (caller != null) {
        retryAfters.answered(caller, status, ctx.response().headers().get("Retry-After"));
      }
    });
    // A connection closed before any answer (a dropped connection, a client gone) counts with status 0.
    ctx.addEndHandler(done -> count(ctx, request, 0, counted));
  }

  /** What is known of a request as it arrives; {@code app} null when a token request's form names it. */
  private record Arrived(String method, String template, String app, String mailbox) {}

  private void count(RoutingContext ctx, Arrived request, int status, AtomicBoolean counted) {
    if (!counted.compareAndSet(false, true)) {
      return;
    }
    String app = request.app() != null ? request.app() : ctx.request().formAttributes().get("client_id");
    counters.count(new RequestCounters.Key(request.method(), request.template(), status, app == null ? "" : app,
        request.mailbox()), clock.instant());
  }

  /** The claims of a bearer token, read and not verified (the routes verify it), or null when there is none. */
  private static JWTClaimsSet bearerClaims(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    try {
      return JWTParser.parse(authorization.substring(7).trim()).getJWTClaimsSet();
    } catch (ParseException e) {
      return null;
    }
  }

  /** Graph's v1 tokens name the app in {@code appid}, v2 tokens in {@code azp}. */
  private static String firstOf(JWTClaimsSet claims, String... names) {
    for (String name : names) {
      try {
        String value = claims.getStringClaim(name);
        if (value != null) {
          return value;
        }
      } catch (ParseException notAString) {
        // A forged token may put anything in a claim: then it names nothing.
      }
    }
    return "";
  }

  /** The {@code /users/{id}} segment (addresses are alike in any case), or the caller's {@code oid} for {@code /me}. */
  private static String mailbox(String path, JWTClaimsSet claims) {
    String[] segments = path.split("/", 5);
    if (segments.length < 3 || !segments[1].equals("v1.0")) {
      return "";
    }
    if (segments[2].equals("users") && segments.length > 3) {
      return segments[3].toLowerCase(Locale.ROOT);
    }
    if (segments[2].equals("me") && claims != null) {
      return firstOf(claims, "oid");
    }
    return "";
  }
}
