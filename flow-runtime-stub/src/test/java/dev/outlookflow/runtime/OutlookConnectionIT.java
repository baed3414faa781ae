package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.sandbox.support.Browser;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import dev.outlookflow.runtime.support.MutableClock;
import dev.outlookflow.runtime.support.SignInBrowser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Outlook connection against the embedded sandbox, through the runtime's HTTP API. */
class OutlookConnectionIT {
  @TempDir Path temp;
  private OutlookRuntime runtime;
  private ApiClient api;
  private String sandbox;
  private OutlookTenant tenant;
  private final MutableClock clock = new MutableClock(Instant.now());

  @BeforeEach
  void start() throws Exception {
    runtime = OutlookRuntime.start(temp, clock);
    api = runtime.api();
    sandbox = runtime.sandboxUrl();
    tenant = runtime.tenant();
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
  }

  private String connection(JsonObject properties) {
    return tenant.connection(properties);
  }

  private ApiClient.Answer sandboxControl(String path, JsonObject body) {
    return tenant.control(path, body);
  }

  private long tokenRequests() {
    return tenant.tokenRequests();
  }

  private ApiClient.Answer signIn(String connectionId, String login, String password) throws Exception {
    return tenant.signIn(connectionId, login, password);
  }

  @Test
  void appOnlyIsApprovedThroughItsAdminConsentLinkAndThenTestedAndConnected() throws Exception {
    String id = connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", DemoSeed.USER));

    JsonObject before = api.post("/api/v1/connections/" + id + "/test", null).json();
    assertThat(before.getBoolean("ok")).isFalse();
    assertThat(before.getString("message")).contains("an administrator must approve it for the organisation");
    JsonObject waiting = api.get("/api/v1/connections/" + id).json();
    assertThat(waiting.getString("status")).isEqualTo("admin_consent_required");
    String link = waiting.getString("actionUrl");
    assertThat(link).isEqualTo(api.baseUrl() + "/oauth/admin-consent/" + id);

    ApiClient.Answer approved = approve(tenant.browser(), link, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);

    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    assertThat(approved.text()).contains("Microsoft Entra reports that an administrator approved the app for the whole "
        + "organisation.").contains("is connected: " + DemoSeed.USER + ": works");
    JsonObject after = api.get("/api/v1/connections/" + id).json();
    assertThat(after.getString("status")).isEqualTo("connected");
    assertThat(after.getValue("actionUrl")).isNull();
  }

  @Test
  void theWholeDelegatedPathANonAdminIsRefusedWithTheLinkAnAdminApprovesAnHourLaterInAnotherBrowserThenTheUserConnects()
      throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));

    SignInBrowser user = tenant.browser();
    ApiClient.Answer refused = tenant.signIn(id, DemoSeed.USER, DemoSeed.USER_PASSWORD, user);

    assertThat(refused.status()).isEqualTo(400);
    String link = api.baseUrl() + "/oauth/admin-consent/" + id;
    assertThat(refused.text()).contains("An administrator of the tenant must approve")
        .contains("Forward this link to an administrator").contains("href=\"" + link + "\"");
    JsonObject waiting = api.get("/api/v1/connections/" + id).json();
    assertThat(waiting.getString("status")).isEqualTo("admin_consent_required");
    assertThat(waiting.getString("actionUrl")).isEqualTo(link);

    // The link travels by mail; the administrator opens it an hour later, in a browser of their own.
    tenant.control("/clock", new JsonObject().put("advanceSeconds", 3600));
    clock.advance(Duration.ofHours(1));
    ApiClient.Answer approved = approve(tenant.browser(), link, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);

    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    assertThat(approved.text()).contains("Microsoft Entra reports that an administrator approved the app for the whole "
        + "organisation.").contains("now sign in with any account of it (POST /api/v1/connections/" + id
        + "/authorize");
    JsonObject approvedConnection = api.get("/api/v1/connections/" + id).json();
    assertThat(approvedConnection.getString("status")).isEqualTo("new");
    assertThat(approvedConnection.getValue("actionUrl")).isNull();

    ApiClient.Answer connected = tenant.signIn(id, DemoSeed.USER, DemoSeed.USER_PASSWORD, user);
    assertThat(connected.status()).as(connected.text()).isEqualTo(200);
    assertThat(api.get("/api/v1/connections/" + id).json().getString("statusMessage"))
        .isEqualTo("Signed in as " + DemoSeed.USER + ".");
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getString("message"))
        .isEqualTo("your mailbox: works");
  }

  @Test
  void aNonAdminWhoOpensTheAdminConsentLinkGetsEntrasSentenceAndTheConnectionStaysAsItWas() throws Exception {
    String id = connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", DemoSeed.USER));
    api.post("/api/v1/connections/" + id + "/test", null);
    String link = api.get("/api/v1/connections/" + id).json().getString("actionUrl");

    ApiClient.Answer refused = approve(tenant.browser(), link, DemoSeed.USER, DemoSeed.USER_PASSWORD);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("Microsoft Entra did not record an approval: AADSTS90094: Only an "
        + "administrator of the tenant can grant consent.").contains("href=\"" + link + "\"");
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("admin_consent_required");
  }

  @Test
  void theAdminConsentLinkIsBuiltFromTheRuntimesAddressAsItIsWhenRead() throws Exception {
    String id = connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", DemoSeed.USER));
    api.post("/api/v1/connections/" + id + "/test", null);
    String before = api.get("/api/v1/connections/" + id).json().getString("actionUrl");

    runtime.inProcess().restart();
    api = runtime.inProcess().api();

    String after = api.get("/api/v1/connections/" + id).json().getString("actionUrl");
    assertThat(after).isEqualTo(api.baseUrl() + "/oauth/admin-consent/" + id);
    assertThat(URI.create(after).getPort()).as("a restart on port 0 took another port")
        .isNotEqualTo(URI.create(before).getPort());
  }

  /** Opens an admin-consent link, signs in at Entra's approval page and accepts; answers the runtime's page. */
  private ApiClient.Answer approve(SignInBrowser browser, String link, String login, String password)
      throws Exception {
    String approvalPage = browser.redirectOf(link);
    assertThat(approvalPage).startsWith(sandbox + "/" + DemoSeed.TENANT_ID + "/adminconsent?client_id="
        + DemoSeed.RUNTIME_CLIENT_ID + "&state=");
    Browser.Step page = browser.pages().open(approvalPage);
    assertThat(page.html()).contains("Permissions requested");
    Browser.Step back = browser.pages().post(approvalPage.replaceAll("\\?.*$", ""), Map.of(
        "client_id", page.field("client_id"), "redirect_uri", page.field("redirect_uri"), "state", page.field("state"),
        "login", login, "password", password, "action", "accept"));
    assertThat(back.status()).isEqualTo(302);
    return browser.returnToApp(back.returned());
  }

  @Test
  void delegatedSignInThroughTheSandboxPagesAndTheQueryCallback() throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));
    assertThat(api.get("/api/v1/connections/" + id).json().getJsonArray("secretsSet")).isEmpty();

    ApiClient.Answer callback = signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);

    assertThat(callback.status()).as(callback.text()).isEqualTo(200);
    assertThat(callback.text()).contains("The connection &quot;Contoso mail&quot; is connected: Signed in as "
        + DemoSeed.ADMIN + ".");
    JsonObject connected = api.get("/api/v1/connections/" + id).json();
    assertThat(connected.getString("status")).isEqualTo("connected");
    assertThat(connected.getString("statusMessage")).isEqualTo("Signed in as " + DemoSeed.ADMIN + ".");
    assertThat(connected.getValue("signInUnderWay")).as("completed").isNull();
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getString("message"))
        .isEqualTo("your mailbox: works");
  }

  @Test
  void aRestartKeepsTheConnectionWorkingAndTheDatabaseHoldsNoTokenInPlaintext() throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));
    assertThat(signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD).status()).isEqualTo(200);

    runtime.inProcess().restart();
    api = runtime.inProcess().api();

    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getString("message"))
        .isEqualTo("your mailbox: works");
    runtime.close();
    Path database = temp.resolve("data/runtime.mv.db");
    assertThat(SecretsIT.contains(database, "RefreshToken")).as("msal4j's cache in plaintext").isFalse();
    assertThat(SecretsIT.contains(database, "eyJ")).as("a JWT in plaintext").isFalse();
  }

  @Test
  void aRevokedSignInLeadsToNeedsReconnectAndSigningInAgainRestoresIt() throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));
    assertThat(signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();

    sandboxControl("/tenants/" + DemoSeed.TENANT_ID + "/users/" + DemoSeed.ADMIN + "/revokeSessions", new JsonObject());

    JsonObject revoked = api.post("/api/v1/connections/" + id + "/test", null).json();
    assertThat(revoked.getBoolean("ok")).isFalse();
    assertThat(revoked.getString("message")).startsWith("Your sign-in was revoked or has expired (AADSTS50173)");
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("needs_reconnect");

    assertThat(signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();
  }

  @Test
  void aThousandTestsCostOneTokenRequest() {
    sandboxControl("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new JsonObject().put("granted", true));
    String id = connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", DemoSeed.ADMIN));
    long before = tokenRequests();
    for (int i = 0; i < 1000; i++) {
      assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();
    }
    assertThat(tokenRequests() - before).isEqualTo(1);
  }

  @Test
  void aWrongAndAnExpiredClientSecretEachGetTheirOwnSentence() {
    String wrong = connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", DemoSeed.USER)
        .put("clientSecret", "not-the-secret"));
    JsonObject wrongTest = api.post("/api/v1/connections/" + wrong + "/test", null).json();
    assertThat(wrongTest.getString("message")).startsWith("The client secret is wrong");
    assertThat(api.get("/api/v1/connections/" + wrong).json().getString("status")).isEqualTo("needs_reconnect");

    sandboxControl("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/secrets/demo",
        new JsonObject().put("change", "expired"));
    String expired = connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", DemoSeed.USER));
    assertThat(api.post("/api/v1/connections/" + expired + "/test", null).json().getString("message"))
        .startsWith("The client secret has expired");
  }

  @Test
  void sharedMailboxesOnlyAsksForExactlyTheSharedScopesAndReachesTheSharedMailbox() throws Exception {
    sandboxControl("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new JsonObject().put("granted", true));
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce").put("sharedMailboxesOnly", true)
        .put("mailbox", DemoSeed.SHARED));
    String scope = Browser.query(tenant.browser().redirectOf(tenant.signInLink(id))).get("scope");
    assertThat(scope.split(" ")).containsExactlyInAnyOrder("https://graph.microsoft.com/User.Read",
        "https://graph.microsoft.com/Mail.Read.Shared", "https://graph.microsoft.com/Mail.ReadWrite.Shared",
        "https://graph.microsoft.com/Mail.Send.Shared", "offline_access", "openid", "profile");

    assertThat(signIn(id, DemoSeed.USER, DemoSeed.USER_PASSWORD).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getString("message"))
        .isEqualTo(DemoSeed.SHARED + ": works");
  }

  @Test
  void aPastedTokenWorksUntilItExpires() {
    sandboxControl("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new JsonObject().put("granted", true));
    String token = new ApiClient(sandbox, null).send("POST", "/" + DemoSeed.TENANT_ID + "/oauth2/v2.0/token",
        "grant_type=client_credentials&client_id=" + DemoSeed.RUNTIME_CLIENT_ID + "&client_secret="
            + URLEncoder.encode(DemoSeed.RUNTIME_CLIENT_SECRET, StandardCharsets.UTF_8)
            + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", "application/x-www-form-urlencoded")
        .json().getString("access_token");
    String working = connection(new JsonObject().put("authMode", "bearer_token").put("bearerToken", token)
        .put("mailbox", DemoSeed.USER));
    assertThat(api.post("/api/v1/connections/" + working + "/test", null).json().getBoolean("ok")).isTrue();

    String stale = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"exp\": 1000000000}".getBytes(StandardCharsets.UTF_8));
    String expired = connection(new JsonObject().put("authMode", "bearer_token").put("bearerToken", "e30." + stale + ".x"));
    assertThat(api.post("/api/v1/connections/" + expired + "/test", null).json().getString("message"))
        .contains("expired");
    assertThat(api.get("/api/v1/connections/" + expired).json().getString("status")).isEqualTo("expired");
  }

  @Test
  void aCancelledSignInWithScriptInItsDescriptionIsEscapedAndChangesNothing() throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));
    SignInBrowser browser = tenant.browser();
    String state = Browser.query(browser.redirectOf(tenant.signInLink(id))).get("state");

    ApiClient.Answer page = browser.returnToApp(Map.of("error", "access_denied", "error_description",
        "<script>alert(1)</script>", "state", state));

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.text()).doesNotContain("<script>").contains("The sign-in was cancelled.");
    JsonObject connection = api.get("/api/v1/connections/" + id).json();
    assertThat(connection.getString("status")).isEqualTo("new");
    assertThat(browser.returnToApp(Map.of("code", "x", "state", state)).text())
        .as("the state is spent").contains("expired (sign-ins last 10 minutes) or was already completed");
  }

  @Test
  void disconnectRemovesTheTokensAndSigningInAgainReconnects() throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));
    assertThat(signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD).status()).isEqualTo(200);

    assertThat(api.post("/api/v1/connections/" + id + "/disconnect", null).json().getString("status"))
        .isEqualTo("disconnected");
    JsonObject tested = api.post("/api/v1/connections/" + id + "/test", null).json();
    assertThat(tested.getString("message")).isEqualTo("Nobody has signed in to this connection yet: anyone of the "
        + "organisation may sign in once the app is approved (POST /api/v1/connections/" + id + "/authorize answers "
        + "the link to open in a browser).");
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).as("not an error: it says what to do")
        .isEqualTo("disconnected");

    assertThat(signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();
  }

  @Test
  void theSandboxCloudWithoutASandboxSaysSo() throws Exception {
    Path plugins = temp.resolve("plugins");
    try (InProcessRuntime bare = InProcessRuntime.start(RuntimeConfig.local(temp.resolve("bare"), plugins,
        Clock.systemUTC()))) {
      ApiClient bareApi = bare.api();
      String id = bareApi.post("/api/v1/connections", new JsonObject().put("type", "outlook/microsoft365")
          .put("name", "x").put("properties", new JsonObject().put("cloud", "sandbox").put("authMode", "client_credentials")
              .put("mailbox", DemoSeed.USER))).json().getString("id");
      assertThat(bareApi.post("/api/v1/connections/" + id + "/test", null).json().getString("message"))
          .contains("The Sandbox cloud needs a runtime started with its sandbox");
    }
  }

  @Test
  void theConnectionEditorRefusesWhatCannotWork() {
    ApiClient.Answer malformed = api.post("/api/v1/connections", new JsonObject().put("type", "outlook/microsoft365")
        .put("name", "x").put("properties", new JsonObject().put("cloud", "global").put("authMode", "client_credentials")
            .put("clientId", "not-a-guid")));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().getJsonArray("fields").getJsonObject(0).getString("field")).isEqualTo("properties.clientId");
    ApiClient.Answer incomplete = api.post("/api/v1/connections", new JsonObject().put("type", "outlook/microsoft365")
        .put("name", "x").put("properties", new JsonObject().put("cloud", "global").put("authMode", "client_credentials")
            .put("clientId", "6d1f8a7e-2c4b-4e3a-9f1d-0b2a3c4d5e6f")));
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.text()).contains("properties.tenantId", "properties.clientSecret", "properties.mailbox")
        .contains("copy it from the app registration's overview page");
    ApiClient.Answer cloud = api.post("/api/v1/connections", new JsonObject().put("type", "outlook/microsoft365")
        .put("name", "x").put("properties", new JsonObject().put("cloud", "mars")));
    assertThat(cloud.json().getJsonArray("fields").getJsonObject(0).getString("field")).isEqualTo("properties.cloud");
  }
}
