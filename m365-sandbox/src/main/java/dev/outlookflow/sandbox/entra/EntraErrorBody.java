package dev.outlookflow.sandbox.entra;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * An error in Entra's token-endpoint shape: {@code error}, {@code error_description} ending in trace,
 * correlation and timestamp lines, {@code error_codes}, {@code timestamp}, {@code trace_id},
 * {@code correlation_id}, {@code error_uri} and {@code suberror} where Entra sends one.
 */
public final class EntraErrorBody {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private EntraErrorBody() {}

  public static JsonObject of(Aadsts aadsts, Instant now, String correlationId, Object... details) {
    String traceId = UUID.randomUUID().toString();
    String correlation = correlationId != null ? correlationId : UUID.randomUUID().toString();
    String timestamp = TIMESTAMP.format(now);
    JsonObject body = new JsonObject()
        .put("error", aadsts.error())
        .put("error_description", aadsts.describe(details) + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: "
            + correlation + "\r\nTimestamp: " + timestamp)
        .put("error_codes", new JsonArray().add(aadsts.code()))
        .put("timestamp", timestamp)
        .put("trace_id", traceId)
        .put("correlation_id", correlation)
        .put("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts.code());
    if (aadsts.suberror() != null) {
      body.put("suberror", aadsts.suberror());
    }
    return body;
  }

  /** HTTP status Entra's token endpoint answers with: 401 for a failed client authentication, else 400. */
  public static int status(Aadsts aadsts) {
    return "invalid_client".equals(aadsts.error()) ? 401 : 400;
  }
}
