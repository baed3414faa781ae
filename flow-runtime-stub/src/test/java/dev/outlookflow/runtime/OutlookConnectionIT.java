package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.sandbox.support.Browser;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Outlook connection against the embedded sandbox, through the runtime's HTTP API. */
class OutlookConnectionIT {
  @TempDir Path temp;
  private InProcessRuntime runtime;
  private ApiClient api;
  private String sandbox;
  private OutlookTenant tenant;

  @BeforeEach
  void start() throws Exception {
    Path plugins = Files.createDirectories(temp.resolve("plugins"));
    Files.copy(Path.of(System.getProperty("pluginsDir"), "outlook-plugin-plugin.zip"), plugins.resolve("outlook.zip"));
    runtime = InProcessRuntime.start(RuntimeConfig.local(temp.resolve("data"), plugins, Clock.systemUTC())
        .withSandbox(new SandboxChoice.Embedded()));
    api = runtime.api();
    sandbox = runtime.runtime().sandboxUrl().orElseThrow();
    tenant = new OutlookTenant(api, sandbox);
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
  void appOnlyWorksOnceAnAdministratorConsentsAndSaysWhatIsMissingBefore() {
    String id = connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", DemoSeed.USER));

    JsonObject before = api.post("/api/v1/connections/" + id + "/test", null).json();
    assertThat(before.getBoolean("ok")).isFalse();
    assertThat(before.getString("message")).contains("an administrator must grant admin consent");
    JsonObject waiting = api.get("/api/v1/connections/" + id).json();
    assertThat(waiting.getString("status")).isEqualTo("admin_consent_required");
    assertThat(waiting.getString("actionUrl")).contains("/adminconsent?client_id=" + DemoSeed.RUNTIME_CLIENT_ID);

    sandboxControl("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new JsonObject().put("granted", true));
    JsonObject after = api.post("/api/v1/connections/" + id + "/test", null).json();
    assertThat(after.encode()).contains(DemoSeed.USER + ": works");
  }

  @Test
  void delegatedSignInThroughTheSandboxPageAndTheFormPostCallback() throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));
    assertThat(api.get("/api/v1/connections/" + id).json().getJsonArray("secretsSet")).isEmpty();

    ApiClient.Answer callback = signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);

    assertThat(callback.status()).as(callback.text()).isEqualTo(200);
    JsonObject connected = api.get("/api/v1/connections/" + id).json();
    assertThat(connected.getString("status")).isEqualTo("connected");
    assertThat(connected.getString("statusMessage")).isEqualTo("Signed in as " + DemoSeed.ADMIN + ".");
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getString("message"))
        .isEqualTo("your mailbox: works");
  }

  @Test
  void aRestartKeepsTheConnectionWorkingAndTheDatabaseHoldsNoTokenInPlaintext() throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));
    assertThat(signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD).status()).isEqualTo(200);

    runtime.restart();
    api = runtime.api();

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
  void aNonAdminIsToldAnAdministratorMustApproveThenConnectsAfterwards() throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));

    ApiClient.Answer refused = signIn(id, DemoSeed.USER, DemoSeed.USER_PASSWORD);

    assertThat(refused.status()).isEqualTo(400);
    JsonObject waiting = api.get("/api/v1/connections/" + id).json();
    assertThat(waiting.getString("status")).isEqualTo("admin_consent_required");
    assertThat(waiting.getString("statusMessage")).contains("An administrator of the tenant must approve");
    assertThat(waiting.getString("actionUrl")).startsWith(sandbox + "/" + DemoSeed.TENANT_ID + "/adminconsent?client_id="
        + DemoSeed.RUNTIME_CLIENT_ID);

    sandboxControl("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new JsonObject().put("granted", true));
    assertThat(signIn(id, DemoSeed.USER, DemoSeed.USER_PASSWORD).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("connected");
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
    String url = api.post("/api/v1/connections/" + id + "/authorize", null).json().getString("authorizeUrl");
    String scope = Browser.query(url).get("scope");
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
  void theCallbackAlsoTakesAGetWithTheCodeInTheQuery() throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));
    String url = api.post("/api/v1/connections/" + id + "/authorize", null).json().getString("authorizeUrl")
        .replace("response_mode=form_post", "response_mode=query");
    Browser browser = new Browser(sandbox);
    Browser.Step page = browser.consent(browser.signIn(browser.open(url), DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD), true);
    assertThat(page.status()).isEqualTo(302);
    String query = page.returned().entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));

    assertThat(api.withKey(null).get("/oauth/callback?" + query).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("connected");
  }

  @Test
  void aCancelledSignInWithScriptInItsDescriptionIsEscapedAndStoresNothing() {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));
    String url = api.post("/api/v1/connections/" + id + "/authorize", null).json().getString("authorizeUrl");
    String state = Browser.query(url).get("state");

    ApiClient.Answer page = api.withKey(null).get("/oauth/callback?error=access_denied&error_description="
        + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8) + "&state=" + state);

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.text()).doesNotContain("<script>").contains("The sign-in was cancelled.");
    JsonObject connection = api.get("/api/v1/connections/" + id).json();
    assertThat(connection.getString("status")).isEqualTo("pending_sign_in");
    assertThat(api.withKey(null).get("/oauth/callback?code=x&state=" + state).text())
        .as("the state is spent").contains("expired or was already completed");
  }

  @Test
  void disconnectRemovesTheTokensAndSigningInAgainReconnects() throws Exception {
    String id = connection(new JsonObject().put("authMode", "authorization_code_pkce"));
    assertThat(signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD).status()).isEqualTo(200);

    assertThat(api.post("/api/v1/connections/" + id + "/disconnect", null).json().getString("status"))
        .isEqualTo("disconnected");
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getString("message"))
        .contains("Nobody has signed in to this connection yet");

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
