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
 * whoever answered it (a route, an injected fault, the limits, the body limit, the router's 404). The control
 * API is not counted: tests read the counters through it.
 */
public final class RequestRecorder {
  private static final String CONTROL_API = "/_sandbox";

  private final RequestCounters counters;
  private final Clock clock;

  public RequestRecorder(RequestCounters counters, Clock clock) {
    this.counters = counters;
    this.clock = clock;
  }

  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (!path.equals(CONTROL_API) && !path.startsWith(CONTROL_API + "/")) {
      AtomicBoolean counted = new AtomicBoolean();
      // Counted as the answer's headers go out, so a client that has its answer finds it counted.
      ctx.addHeadersEndHandler(v -> count(ctx, path, ctx.response().getStatusCode(), counted));
      // A connection closed before any answer (a dropped connection, a client gone) counts with status 0.
      ctx.addEndHandler(done -> count(ctx, path, 0, counted));
    }
    ctx.next();
  }

  /** Read once the request is answered: a token request's form is parsed by then. */
  private void count(RoutingContext ctx, String path, int status, AtomicBoolean counted) {
    if (!counted.compareAndSet(false, true)) {
      return;
    }
    JWTClaimsSet claims = bearerClaims(ctx.request().getHeader("Authorization"));
    String app = claims != null ? firstOf(claims, "appid", "azp") : ctx.request().formAttributes().get("client_id");
    counters.count(new RequestCounters.Key(ctx.request().method().name(), PathTemplate.of(path), status,
        app == null ? "" : app, mailbox(path, claims)), clock.instant());
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
