package dev.outlookflow.plugin.api.connection;

import java.time.Instant;

/**
 * What an action or trigger needs to call the remote service. Where to call it is the connection's
 * business (its typed properties), not the credentials'.
 *
 * @param account the signed-in account, for delegated sign-ins; null for app-only or pasted tokens
 */
public record Credentials(String scheme, String token, Instant expiresAt, String account) {

  public String authorizationHeader() {
    return scheme + " " + token;
  }

  @Override
  public String toString() {
    return "Credentials[scheme=" + scheme + ", token=[REDACTED], expiresAt=" + expiresAt + "]";
  }
}
