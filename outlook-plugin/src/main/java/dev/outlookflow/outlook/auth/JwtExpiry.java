package dev.outlookflow.outlook.auth;

import dev.outlookflow.plugin.api.ExtensionException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The expiry a pasted access token claims (read, not verified: Graph verifies it). */
final class JwtExpiry {
  private JwtExpiry() {}

  static Instant of(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    try {
      JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return Instant.ofEpochSecond(claims.getLong("exp"));
    } catch (RuntimeException e) {
      throw new ExtensionException("invalid_token", "The pasted access token is not a JWT with an expiry: copy the "
          + "whole token.");
    }
  }
}
