package dev.outlookflow.sandbox.state;

import java.util.List;

/** What codes and refresh tokens stand for; the tokens themselves are stored only as hashes. */
public final class Grants {
  private Grants() {}

  /** An authorization code: single use, about ten minutes. */
  public record Code(
      String tenantId,
      String clientId,
      String userId,
      List<String> scopes,
      String redirectUri,
      String codeChallenge,
      String codeChallengeMethod,
      String nonce,
      long issuedAt,
      long expiresAt,
      boolean redeemed) {

    public Code redeemedNow() {
      return new Code(tenantId, clientId, userId, scopes, redirectUri, codeChallenge, codeChallengeMethod, nonce,
          issuedAt, expiresAt, true);
    }
  }

  /** A refresh token: valid until 90 days without use, or until the user's sessions are revoked. */
  public record Refresh(String tenantId, String clientId, String userId, List<String> scopes, long issuedAt,
      long lastUsedAt) {}

  /** A token request the sandbox answered, for tests that count calls. */
  public record TokenRequest(String tenantId, String clientId, String grantType, int status, long at) {}
}
