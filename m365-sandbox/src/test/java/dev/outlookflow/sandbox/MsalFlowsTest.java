package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.SilentParameters;
import dev.outlookflow.sandbox.support.Browser;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.support.SignIns;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** msal4j, unmodified, signs in to the sandbox as it does to Entra. */
class MsalFlowsTest {
  private static final Set<String> APP_SCOPE = Set.of("https://graph.microsoft.com/.default");
  private RunningSandbox sandbox;

  @BeforeEach
  void start() throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo());
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  private long tokenRequests() throws Exception {
    return sandbox.get("/_sandbox/tokenRequests?clientId=" + DemoSeed.RUNTIME_CLIENT_ID, null).json()
        .getJsonArray("requests").size();
  }

  @Test
  void clientCredentialsTheSecondCallIsServedFromMsalsCache() throws Exception {
    ConfidentialClientApplication app = sandbox.runtimeApp();

    IAuthenticationResult first = app.acquireToken(ClientCredentialParameters.builder(APP_SCOPE).build()).get();
    IAuthenticationResult second = app.acquireToken(ClientCredentialParameters.builder(APP_SCOPE).build()).get();

    assertThat(second.accessToken()).isEqualTo(first.accessToken());
    assertThat(tokenRequests()).isEqualTo(1);
    assertThat(sandbox.get("/v1.0/users/" + DemoSeed.USER, first.accessToken()).status())
        .as("no admin consent yet: the app token carries no roles").isEqualTo(403);
  }

  @Test
  void authorizationCodeWithPkceThroughTheSignInPageThenSilentRefresh() throws Exception {
    ConfidentialClientApplication app = sandbox.runtimeApp();

    IAuthenticationResult signedIn = SignIns.signIn(app, sandbox.browser(), DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);

    assertThat(signedIn.account().username()).isEqualTo(DemoSeed.ADMIN);
    JsonObject me = sandbox.get("/v1.0/me", signedIn.accessToken()).json();
    assertThat(me.getString("userPrincipalName")).isEqualTo(DemoSeed.ADMIN);

    IAccount account = app.getAccounts().get().iterator().next();
    IAuthenticationResult cached = app.acquireTokenSilently(SilentParameters.builder(SignIns.SCOPES, account).build()).get();
    assertThat(cached.accessToken()).isEqualTo(signedIn.accessToken());
    long before = tokenRequests();
    IAuthenticationResult refreshed = app.acquireTokenSilently(
        SilentParameters.builder(SignIns.SCOPES, account).forceRefresh(true).build()).get();
    assertThat(tokenRequests()).isEqualTo(before + 1);
    assertThat(sandbox.get("/v1.0/me", refreshed.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void refreshAfterTheUsersSessionsAreRevokedFailsWithAadsts50173() throws Exception {
    ConfidentialClientApplication app = sandbox.runtimeApp();
    SignIns.signIn(app, sandbox.browser(), DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);
    IAccount account = app.getAccounts().get().iterator().next();

    assertThat(sandbox.control("/tenants/" + DemoSeed.TENANT_ID + "/users/" + DemoSeed.ADMIN + "/revokeSessions",
        new JsonObject()).status()).isEqualTo(204);

    assertThatThrownBy(() -> app.acquireTokenSilently(
        SilentParameters.builder(SignIns.SCOPES, account).forceRefresh(true).build()).get())
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(MsalServiceException.class)
        .satisfies(e -> {
          MsalServiceException service = (MsalServiceException) e;
          assertThat(service.errorCode()).isEqualTo("invalid_grant");
          assertThat(service.getMessage()).startsWith("AADSTS50173:");
        });
  }

  @Test
  void aNonAdminIsRefusedUntilAnAdminConsentsAndSucceedsAfter() throws Exception {
    ConfidentialClientApplication app = sandbox.runtimeApp();
    Browser browser = sandbox.browser();

    SignIns.Started started = SignIns.start(app, browser);
    Browser.Step approval = browser.signIn(started.page(), DemoSeed.USER, DemoSeed.USER_PASSWORD);
    assertThat(approval.returnedToApp()).isFalse();
    assertThat(approval.html()).contains("Need admin approval");
    Browser.Step refused = browser.submit(approval, java.util.Map.of());
    assertThat(refused.returned().get("error")).isEqualTo("consent_required");
    assertThat(refused.returned().get("error_description")).startsWith("AADSTS90094:");
    assertThat(refused.returned().get("state")).isEqualTo(started.state());

    Browser.Step consent = browser.open(sandbox.baseUrl() + "/" + DemoSeed.TENANT_ID + "/adminconsent?client_id="
        + DemoSeed.RUNTIME_CLIENT_ID + "&redirect_uri=" + SignIns.REDIRECT + "&state=ac");
    Browser.Step granted = browser.post(sandbox.baseUrl() + "/" + DemoSeed.TENANT_ID + "/adminconsent",
        java.util.Map.of("client_id", consent.field("client_id"), "redirect_uri", consent.field("redirect_uri"),
            "state", "ac", "login", DemoSeed.ADMIN, "password", DemoSeed.ADMIN_PASSWORD, "action", "accept"));
    assertThat(granted.returned()).containsEntry("admin_consent", "True").containsEntry("tenant", DemoSeed.TENANT_ID)
        .containsEntry("state", "ac");

    IAuthenticationResult signedIn = SignIns.signIn(app, browser, DemoSeed.USER, DemoSeed.USER_PASSWORD);
    assertThat(sandbox.get("/v1.0/me", signedIn.accessToken()).json().getString("displayName")).isEqualTo("Adele Vance");
    IAuthenticationResult appOnly = app.acquireToken(ClientCredentialParameters.builder(APP_SCOPE).build()).get();
    assertThat(sandbox.get("/v1.0/users/" + DemoSeed.USER, appOnly.accessToken()).status())
        .as("admin consent gives the app token its roles").isEqualTo(200);
  }
}
