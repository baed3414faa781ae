package dev.outlookflow.outlook.auth;

import static dev.outlookflow.outlook.PanelValues.bind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.outlook.settings.OutlookConnectionProperties;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizeUrlTest {
  private static final String TENANT = "8f2c1e56-3b7a-4d2e-9c1f-5a6b7c8d9e01";
  private static final String CLIENT = "6d1f8a7e-2c4b-4e3a-9f1d-0b2a3c4d5e6f";

  @Test
  void asksForTheCodeInTheQuerySoTheBrowsersLaxCookieComesBackWithIt() {
    ConnectionSettings settings = ConnectionSettings.of(bind(OutlookConnectionProperties.class,
        "{authMode: 'authorization_code_pkce', tenantId: '" + TENANT + "', clientId: '" + CLIENT + "', "
            + "clientSecret: 's'}"), Optional.empty());

    String url = AuthorizeUrl.of(settings, "http://127.0.0.1:8080/oauth/callback", "the-state",
        Tokens.s256("verifier"));

    assertThat(url).startsWith("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/authorize?");
    Map<String, String> query = query(url);
    assertThat(query).containsEntry("response_mode", "query").containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT).containsEntry("redirect_uri", "http://127.0.0.1:8080/oauth/callback")
        .containsEntry("state", "the-state").containsEntry("code_challenge_method", "S256")
        .containsEntry("code_challenge", "iMnq5o6zALKXGivsnlom_0F5_WYda32GHkxlV7mq7hQ")
        .containsEntry("prompt", "select_account");
    assertThat(query.get("scope").split(" ")).contains("https://graph.microsoft.com/Mail.Send", "openid", "profile",
        "offline_access");
  }

  private static Map<String, String> query(String url) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return values;
  }
}
