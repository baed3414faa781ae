package dev.outlookflow.outlook.auth;

import dev.outlookflow.plugin.api.ExtensionException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** What an access token claims (read, not verified: Graph verifies it). */
final class JwtClaims {
  private JwtClaims() {}

  /** The expiry a pasted access token claims. */
  static Instant expiry(String token) {
    return claims(token).map(claims -> claims.getValue("exp")).filter(Number.class::isInstance)
        .map(exp -> Instant.ofEpochSecond(((Number) exp).longValue()))
        .orElseThrow(() -> new ExtensionException("invalid_token", "The pasted access token is not a JWT with an "
            + "expiry: copy the whole token."));
  }

  /**
   * Whether an app-only token carries application permissions ({@code roles}): Entra issues one without
   * them to an app nobody approved in the tenant, and Graph then refuses every mailbox.
   */
  static boolean grantsRoles(String token) {
    return claims(token).map(claims -> claims.getValue("roles"))
        .filter(roles -> roles instanceof JsonArray list && !list.isEmpty()).isPresent();
  }

  private static Optional<JsonObject> claims(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    try {
      return Optional.of(new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
