package dev.outlookflow.sandbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.Prompt;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/** Authorization code + PKCE with msal4j, the browser part done by {@link Browser}. */
public final class SignIns {
  public static final String REDIRECT = "http://localhost:43117/oauth/callback";
  public static final Set<String> SCOPES = Set.of("https://graph.microsoft.com/Mail.ReadWrite",
      "https://graph.microsoft.com/User.Read");

  private SignIns() {}

  /** A started sign-in: the page the browser shows first, and what redeeming the code needs. */
  public record Started(Browser.Step page, String verifier, String state) {}

  public static Started start(ConfidentialClientApplication app, Browser browser) throws Exception {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String state = "st-" + System.nanoTime();
    String url = app.getAuthorizationRequestUrl(AuthorizationRequestUrlParameters.builder(REDIRECT, SCOPES)
        .codeChallenge(challenge).codeChallengeMethod("S256").state(state).nonce("n-1")
        .prompt(Prompt.SELECT_ACCOUNT).build()).toString();
    return new Started(browser.open(url), verifier, state);
  }

  /** Signs in as a user who needs no consent screen, and redeems the code. */
  public static IAuthenticationResult signIn(ConfidentialClientApplication app, Browser browser, String login,
      String password) throws Exception {
    Started started = start(app, browser);
    Browser.Step back = browser.signIn(started.page(), login, password);
    if (!back.returnedToApp()) {
      back = browser.consent(back, false);
    }
    assertThat(back.returned()).as(back.html()).containsKey("code");
    assertThat(back.returned().get("state")).isEqualTo(started.state());
    return redeem(app, back.returned().get("code"), started.verifier());
  }

  public static IAuthenticationResult redeem(ConfidentialClientApplication app, String code, String verifier)
      throws Exception {
    return app.acquireToken(AuthorizationCodeParameters.builder(code, URI.create(REDIRECT)).scopes(SCOPES)
        .codeVerifier(verifier).build()).get();
  }
}
