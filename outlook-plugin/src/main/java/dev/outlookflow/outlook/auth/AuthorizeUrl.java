package dev.outlookflow.outlook.auth;

import dev.outlookflow.outlook.settings.ConnectionSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Microsoft identity platform's authorize URL for a delegated sign-in with PKCE, answered in the
 * callback's query. Built here rather than by msal4j, which since 1.x turns {@code response_mode=query}
 * into {@code form_post}: a form Entra posts cross-site to the runtime arrives without the runtime's
 * {@code SameSite=Lax} cookie, and the sign-in could not be bound to the browser that began it. msal4j
 * still redeems the code.
 */
final class AuthorizeUrl {
  /** What msal4j adds to every delegated request: an ID token, the profile, and a refresh token. */
  private static final Set<String> RESERVED_SCOPES = Set.of("openid", "profile", "offline_access");

  private AuthorizeUrl() {}

  static String of(ConnectionSettings settings, String callbackUrl, String state, String codeChallenge) {
    Set<String> scopes = new LinkedHashSet<>(settings.delegatedScopes());
    scopes.addAll(RESERVED_SCOPES);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", settings.clientId());
    query.put("response_type", "code");
    query.put("redirect_uri", callbackUrl);
    query.put("response_mode", "query");
    query.put("scope", String.join(" ", scopes));
    query.put("state", state);
    query.put("code_challenge", codeChallenge);
    query.put("code_challenge_method", "S256");
    query.put("prompt", "select_account");
    return settings.profile().signInBase() + "/" + settings.tenantId() + "/oauth2/v2.0/authorize?"
        + query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
