package dev.outlookflow.plugin.api.connection;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What an action or trigger needs to call the remote service. {@code attributes} carries
 * non-secret facts such as the API base URL or the signed-in account.
 */
public record Credentials(String scheme, String token, Instant expiresAt, JsonObject attributes) {

  public String authorizationHeader() {
    return scheme + " " + token;
  }

  @Override
  public String toString() {
    return "Credentials[scheme=" + scheme + ", token=[REDACTED], expiresAt=" + expiresAt + "]";
  }
}
