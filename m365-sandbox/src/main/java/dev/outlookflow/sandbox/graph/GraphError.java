package dev.outlookflow.sandbox.graph;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Graph's error shape, {@code {"error": {"code", "message", "innerError": {...}}}}, with its headers. */
public final class GraphError extends RuntimeException {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private final int status;
  private final String code;

  public GraphError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static GraphError accessDenied() {
    return new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
  }

  public static GraphError badRequest(String code, String message) {
    return new GraphError(400, code, message);
  }

  public static GraphError invalidToken(String message) {
    return new GraphError(401, "InvalidAuthenticationToken", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Answers the error with Graph's headers; 401 carries the {@code WWW-Authenticate} challenge. */
  public void send(RoutingContext ctx, Instant now) {
    String requestId = UUID.randomUUID().toString();
    String clientRequestId = ctx.request().getHeader("client-request-id");
    JsonObject inner = new JsonObject()
        .put("date", DATE.format(now))
        .put("request-id", requestId)
        .put("client-request-id", clientRequestId != null ? clientRequestId : requestId);
    var response = ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("request-id", requestId)
        .putHeader("client-request-id", clientRequestId != null ? clientRequestId : requestId);
    if (status == 401) {
      response.putHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/"
          + "common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
    }
    response.end(new JsonObject().put("error", new JsonObject().put("code", code).put("message", getMessage())
        .put("innerError", inner)).encode());
  }
}
