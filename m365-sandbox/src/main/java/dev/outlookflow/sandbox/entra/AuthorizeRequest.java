package dev.outlookflow.sandbox.entra;

import io.vertx.core.MultiMap;

/** The parameters of one {@code /authorize} request, kept while the user signs in. */
record AuthorizeRequest(
    String tenantPath,
    String clientId,
    String redirectUri,
    String scope,
    String state,
    String responseMode,
    String codeChallenge,
    String codeChallengeMethod,
    String nonce,
    String prompt,
    String loginHint,
    long expiresAt) {

  static AuthorizeRequest of(String tenantPath, MultiMap query, long expiresAt) {
    return new AuthorizeRequest(tenantPath, query.get("client_id"), query.get("redirect_uri"), query.get("scope"),
        query.get("state"), query.get("response_mode") == null ? "query" : query.get("response_mode"),
        query.get("code_challenge"), query.get("code_challenge_method") == null ? "plain"
            : query.get("code_challenge_method"),
        query.get("nonce"), query.get("prompt"), query.get("login_hint"), expiresAt);
  }
}
