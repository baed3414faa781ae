package dev.outlookflow.outlook.connection;

import static dev.outlookflow.outlook.PanelValues.bind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.outlook.auth.Tokens;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.outlook.settings.Cloud;
import dev.outlookflow.outlook.settings.CloudProfile;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.outlook.settings.OutlookConnectionProperties;
import dev.outlookflow.uischema.validation.FieldError;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {
  private static final Optional<String> SANDBOX = Optional.of("http://127.0.0.1:8081");

  private static ConnectionSettings settings(String properties) {
    return ConnectionSettings.of(bind(OutlookConnectionProperties.class, properties), SANDBOX);
  }

  @Test
  void delegatedScopesCoverOwnAndSharedMailboxes() {
    assertThat(settings("{cloud: 'us_gov_gcc_high'}").delegatedScopes()).containsExactly(
        "https://graph.microsoft.us/User.Read", "https://graph.microsoft.us/Mail.ReadWrite",
        "https://graph.microsoft.us/Mail.Send", "https://graph.microsoft.us/Mail.ReadWrite.Shared",
        "https://graph.microsoft.us/Mail.Send.Shared", "offline_access");
  }

  @Test
  void sharedMailboxesOnlyAsksForExactlyTheSharedScopes() {
    assertThat(settings("{sharedMailboxesOnly: true, mailbox: 'sales@contoso.com'}").delegatedScopes())
        .containsExactly("https://graph.microsoft.com/User.Read", "https://graph.microsoft.com/Mail.Read.Shared",
            "https://graph.microsoft.com/Mail.ReadWrite.Shared", "https://graph.microsoft.com/Mail.Send.Shared",
            "offline_access");
  }

  @Test
  void theCloudProfileSaysWhereGraphAndTheSignInAreAndTheTenantsAuthority() {
    ConnectionSettings dod = settings("{cloud: 'us_gov_dod', tenantId: 'contoso.onmicrosoft.us'}");
    assertThat(dod.profile().graphBaseUrl()).isEqualTo("https://dod-graph.microsoft.us/v1.0");
    assertThat(dod.profile().signInBase()).isEqualTo("https://login.microsoftonline.us");
    assertThat(dod.authority()).isEqualTo("https://login.microsoftonline.us/contoso.onmicrosoft.us/");
    assertThat(dod.profile().appOnlyScope()).isEqualTo("https://dod-graph.microsoft.us/.default");
  }

  @Test
  void theSandboxCloudIsWhereverThisRuntimesSandboxIsAndNowhereWithoutOne() {
    CloudProfile sandbox = settings("{cloud: 'sandbox'}").profile();
    assertThat(sandbox.graphBaseUrl()).isEqualTo("http://127.0.0.1:8081/v1.0");
    assertThat(sandbox.signInBase()).isEqualTo("http://127.0.0.1:8081");
    assertThat(sandbox.authority("t")).as("msal4j's fixed host, routed to the sandbox")
        .isEqualTo("https://login.sandbox.test/t/");

    CloudProfile none = CloudProfile.of(Cloud.SANDBOX, Optional.empty());
    assertThat(none.graphBaseUrl()).isNull();
    assertThat(none.signInBase()).isNull();
    assertThat(CloudProfile.of(Cloud.GLOBAL, Optional.empty()).graphBaseUrl())
        .isEqualTo("https://graph.microsoft.com/v1.0");
  }

  @Test
  void blankValuesCountAsEmptyAndValuesAreTrimmed() {
    ConnectionSettings settings = settings("{authMode: 'client_credentials', clientSecret: '  ', "
        + "mailbox: ' sales@contoso.com '}");
    assertThat(settings.clientSecret()).isNull();
    assertThat(settings.mailbox()).isEqualTo("sales@contoso.com");
    assertThat(settings.allowedMailboxes()).isEmpty();
  }

  @Test
  void settingsReadTwiceFromTheSamePropertiesAreOneTokenCacheKeyAndAChangedSecretAnother() {
    String properties = "{authMode: 'client_credentials', clientSecret: 'one', allowedMailboxes: ['a@contoso.com']}";
    assertThat(settings(properties).hashCode()).isEqualTo(settings(properties).hashCode());
    assertThat(settings(properties.replace("'one'", "'two'")).hashCode())
        .isNotEqualTo(settings(properties).hashCode());
  }

  @Test
  void theSandboxNeedsNoAppRegistrationAndPastedTokensNone() {
    assertThat(ConnectionRules.check(settings("{cloud: 'sandbox'}"))).isEmpty();
    assertThat(ConnectionRules.check(settings("{authMode: 'bearer_token', bearerToken: 'x.y.z'}"))).isEmpty();
  }

  @Test
  void appOnlyNeedsItsRegistrationAndAMailbox() {
    assertThat(ConnectionRules.check(settings("{authMode: 'client_credentials', allowedMailboxes: []}")))
        .extracting(FieldError::field).containsExactly("tenantId", "clientId", "clientSecret", "mailbox");
  }

  @Test
  void sharedMailboxesOnlyNeedsTheSharedMailbox() {
    assertThat(ConnectionRules.check(settings("{cloud: 'sandbox', sharedMailboxesOnly: true}")))
        .extracting(FieldError::field).containsExactly("mailbox");
  }

  @Test
  void theConnectionTypeChecksTheBoundPropertiesAndSignsInOnlyDelegatedConnections() {
    // Checking properties calls neither Entra nor Graph: the type gets no Graph client.
    OutlookConnectionType type = new OutlookConnectionType(new OutlookServices(new Tokens(Clock.systemUTC()), null));
    assertThat(type.validate(bind(OutlookConnectionProperties.class, "{authMode: 'client_credentials'}")))
        .extracting(FieldError::field).containsExactly("tenantId", "clientId", "clientSecret", "mailbox");
    assertThat(type.needsInteractiveSignIn(bind(OutlookConnectionProperties.class, "{}"))).isTrue();
    assertThat(type.needsInteractiveSignIn(bind(OutlookConnectionProperties.class,
        "{authMode: 'bearer_token', bearerToken: 'x.y.z'}"))).isFalse();
  }

  @Test
  void theSandboxAppFillsOnlyWhatTheFormLeftEmpty() {
    ConnectionSettings filled = settings("{cloud: 'sandbox', clientId: 'mine'}")
        .withAppDefaults("tenant", "demo-client", "demo-secret");
    assertThat(filled.tenantId()).isEqualTo("tenant");
    assertThat(filled.clientId()).isEqualTo("mine");
    assertThat(filled.clientSecret()).isEqualTo("demo-secret");
  }
}
