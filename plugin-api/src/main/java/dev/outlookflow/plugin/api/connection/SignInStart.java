package dev.outlookflow.plugin.api.connection;

import java.util.Map;

/**
 * The start of an interactive sign-in: the URL the browser must open, and what the extension needs
 * back when the browser returns (such as the PKCE verifier). The runtime keeps {@code pending}
 * server-side, bound to the one-time state, and never sends it to the browser.
 */
public record SignInStart(String authorizationUrl, Map<String, String> pending) {

  public SignInStart {
    pending = Map.copyOf(pending);
  }

  @Override
  public String toString() {
    return "SignInStart[authorizationUrl=" + authorizationUrl + ", pending=[REDACTED]]";
  }
}
