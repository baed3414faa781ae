package dev.outlookflow.outlook.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

  @Test
  void delegatedScopesCoverOwnAndSharedMailboxes() {
    ConnectionSettings settings = ConnectionSettings.of(new JsonObject().put("cloud", "us_gov_gcc_high"));
    assertThat(settings.delegatedScopes()).containsExactly("https://graph.microsoft.us/User.Read",
        "https://graph.microsoft.us/Mail.ReadWrite", "https://graph.microsoft.us/Mail.Send",
        "https://graph.microsoft.us/Mail.ReadWrite.Shared", "https://graph.microsoft.us/Mail.Send.Shared",
        "offline_access");
  }

  @Test
  void sharedMailboxesOnlyAsksForExactlyTheSharedScopes() {
    ConnectionSettings settings = ConnectionSettings.of(new JsonObject().put("sharedMailboxesOnly", true)
        .put("mailbox", "sales@contoso.com"));
    assertThat(settings.delegatedScopes()).containsExactly("https://graph.microsoft.com/User.Read",
        "https://graph.microsoft.com/Mail.Read.Shared", "https://graph.microsoft.com/Mail.ReadWrite.Shared",
        "https://graph.microsoft.com/Mail.Send.Shared", "offline_access");
  }

  @Test
  void theSandboxNeedsNoAppRegistrationAndPastedTokensNone() {
    assertThat(ConnectionRules.check(ConnectionSettings.of(new JsonObject().put("cloud", "sandbox")))).isEmpty();
    assertThat(ConnectionRules.check(ConnectionSettings.of(new JsonObject().put("authMode", "bearer_token")
        .put("bearerToken", "x.y.z")))).isEmpty();
  }

  @Test
  void appOnlyNeedsItsRegistrationAndAMailbox() {
    assertThat(ConnectionRules.check(ConnectionSettings.of(new JsonObject().put("authMode", "client_credentials")
            .put("allowedMailboxes", new JsonArray()))))
        .extracting(FieldError::field).containsExactly("tenantId", "clientId", "clientSecret", "mailbox");
  }

  @Test
  void sharedMailboxesOnlyNeedsTheSharedMailbox() {
    assertThat(ConnectionRules.check(ConnectionSettings.of(new JsonObject().put("cloud", "sandbox")
        .put("sharedMailboxesOnly", true)))).extracting(FieldError::field).containsExactly("mailbox");
  }

  @Test
  void theSandboxAppFillsOnlyWhatTheFormLeftEmpty() {
    ConnectionSettings filled = ConnectionSettings.of(new JsonObject().put("cloud", "sandbox").put("clientId", "mine"))
        .withAppDefaults("tenant", "demo-client", "demo-secret");
    assertThat(filled.tenantId()).isEqualTo("tenant");
    assertThat(filled.clientId()).isEqualTo("mine");
    assertThat(filled.clientSecret()).isEqualTo("demo-secret");
  }
}
