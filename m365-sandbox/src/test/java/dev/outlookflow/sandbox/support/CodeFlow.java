package dev.outlookflow.sandbox.support;

import dev.outlookflow.sandbox.tenant.DemoSeed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** The authorization code flow by hand, for tests that look at exact wire answers. */
public final class CodeFlow {
  public static final String REDIRECT = "http://127.0.0.1:50123/oauth/callback";
  public static final String SCOPE = "openid profile offline_access https://graph.microsoft.com/User.Read";
  public static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-0123456789";

  private final RunningSandbox sandbox;

  public CodeFlow(RunningSandbox sandbox) {
    this.sandbox = sandbox;
  }

  public String authorizeUrl(String tenant, String redirect) throws Exception {
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
    return sandbox.baseUrl() + "/" + tenant + "/oauth2/v2.0/authorize?client_id=" + DemoSeed.RUNTIME_CLIENT_ID
        + "&response_type=code&redirect_uri=" + encode(redirect) + "&scope=" + encode(SCOPE)
        + "&state=s1&code_challenge=" + challenge + "&code_challenge_method=S256";
  }

  /** Signs in (consenting for the organization if shown a consent page) and answers the code. */
  public String code(String login, String password) throws Exception {
    return code(login, password, SCOPE);
  }

  public String code(String login, String password, String scope) throws Exception {
    Browser browser = sandbox.browser();
    String url = authorizeUrl(DemoSeed.TENANT_ID, REDIRECT).replace("&scope=" + encode(SCOPE), "&scope=" + encode(scope));
    Browser.Step back = browser.signIn(browser.open(url), login, password);
    if (!back.returnedToApp()) {
      back = browser.consent(back, true);
    }
    return back.returned().get("code");
  }

  public Http.Answer redeem(String code, String verifier) throws Exception {
    return token("grant_type=authorization_code&client_id=" + DemoSeed.RUNTIME_CLIENT_ID + "&client_secret="
        + encode(DemoSeed.RUNTIME_CLIENT_SECRET) + "&code=" + encode(code) + "&redirect_uri=" + encode(REDIRECT)
        + "&code_verifier=" + encode(verifier) + "&scope=" + encode(SCOPE));
  }

  /** An access token for the user with these scopes, by the whole code flow. */
  public String accessToken(String login, String password, String scope) throws Exception {
    return token("grant_type=authorization_code&client_id=" + DemoSeed.RUNTIME_CLIENT_ID + "&client_secret="
        + encode(DemoSeed.RUNTIME_CLIENT_SECRET) + "&code=" + encode(code(login, password, scope)) + "&redirect_uri="
        + encode(REDIRECT) + "&code_verifier=" + encode(VERIFIER)).json().getString("access_token");
  }

  /** An app-only token of the demo app. */
  public String appToken() throws Exception {
    return token("grant_type=client_credentials&client_id=" + DemoSeed.RUNTIME_CLIENT_ID + "&client_secret="
        + encode(DemoSeed.RUNTIME_CLIENT_SECRET) + "&scope=" + encode("https://graph.microsoft.com/.default"))
        .json().getString("access_token");
  }

  public Http.Answer refresh(String refreshToken) throws Exception {
    return token("grant_type=refresh_token&client_id=" + DemoSeed.RUNTIME_CLIENT_ID + "&client_secret="
        + encode(DemoSeed.RUNTIME_CLIENT_SECRET) + "&refresh_token=" + encode(refreshToken) + "&scope=" + encode(SCOPE));
  }

  public Http.Answer token(String form) throws Exception {
    return token(DemoSeed.TENANT_ID, form);
  }

  public Http.Answer token(String tenant, String form) throws Exception {
    return sandbox.post("/" + tenant + "/oauth2/v2.0/token", "application/x-www-form-urlencoded", form);
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
