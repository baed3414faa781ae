package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.MutableClock;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection's status says what is so: a token obtained or a call that succeeded connects it; a refused
 * token sets what to do; one mailbox's refusal is that mailbox's problem; the status is written only when it
 * changes; and a "shared mailboxes only" connection never keeps a sign-in that could reach the user's own mailbox.
 */
class ConnectionStatusIT {
  @TempDir Path temp;
  private final MutableClock clock = new MutableClock(Instant.now());
  private OutlookRuntime runtime;
  private ApiClient api;
  private OutlookTenant tenant;

  @BeforeEach
  void start() throws Exception {
    runtime = OutlookRuntime.start(temp, clock);
    api = runtime.api();
    tenant = runtime.tenant();
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
  }

  private JsonObject connection(String id) {
    return api.get("/api/v1/connections/" + id).json();
  }

  /** Runs one step of {@code type} with these properties; answers the finished run. */
  private JsonObject runStep(String type, JsonObject properties) {
    String flow = Runs.createFlow(api, Runs.oneStepFlow("Status", "step", type, properties));
    return Runs.awaitFinished(api, Runs.start(api, flow, new JsonObject()));
  }

  private static JsonObject stepError(JsonObject run) {
    return run.getJsonArray("steps").getJsonObject(0).getJsonObject("error");
  }

  @Test
  void anAppOnlyConnectionIsConnectedOnceItObtainsATokenWithPermissionsWithoutBeingTested() {
    String id = tenant.appOnlyConnection(DemoSeed.USER);
    assertThat(connection(id).getString("status")).isEqualTo("new");

    JsonObject run = runStep("outlook/list-folders", new JsonObject().put("connection", id));

    assertThat(run.getString("status")).as(run.encode()).isEqualTo("succeeded");
    JsonObject after = connection(id);
    assertThat(after.getString("status")).isEqualTo("connected");
    assertThat(after.getString("statusMessage"))
        .isEqualTo("The app obtained a token carrying application permissions from Microsoft Entra.");
  }

  @Test
  void anAppOnlyTokenWithoutPermissionsDoesNotConnectTheTestSaysWhatIsMissing() {
    String id = tenant.connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", DemoSeed.USER));

    JsonObject run = runStep("outlook/list-folders", new JsonObject().put("connection", id));

    assertThat(run.getString("status")).isEqualTo("failed");
    assertThat(connection(id).getString("status")).as("a token without roles proves nothing").isEqualTo("new");
  }

  @Test
  void aRefusalOfOneSharedMailboxIsThatMailboxsProblemNotTheConnections() throws Exception {
    String id = tenant.signedInConnection(DemoSeed.USER, DemoSeed.USER_PASSWORD, new JsonObject());
    String before = connection(id).getString("updatedAt");

    JsonObject run = runStep("outlook/list-folders", new JsonObject().put("connection", id)
        .put("mailbox", DemoSeed.SUPPORT));

    assertThat(run.getString("status")).isEqualTo("failed");
    assertThat(stepError(run).getString("message")).startsWith("Access to " + DemoSeed.SUPPORT + " was denied.");
    JsonObject after = connection(id);
    assertThat(after.getString("status")).isEqualTo("connected");
    assertThat(after.getString("updatedAt")).as("nothing written").isEqualTo(before);
  }

  @Test
  void aTestWhereOneMailboxWorksAndAnotherIsRefusedKeepsTheConnectionConnectedAndSaysWhich() {
    tenant.grantAdminConsent();
    String id = tenant.connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", DemoSeed.USER)
        .put("allowedMailboxes", new JsonArray().add("nobody@" + DemoSeed.DOMAIN)));

    JsonObject tested = api.post("/api/v1/connections/" + id + "/test", null).json();

    assertThat(tested.getBoolean("ok")).isFalse();
    assertThat(tested.getString("message"))
        .startsWith(DemoSeed.USER + ": works; nobody@" + DemoSeed.DOMAIN + ": HTTP 404");
    assertThat(connection(id).getString("status")).isEqualTo("connected");
    assertThat(connection(id).getString("statusMessage")).isEqualTo(tested.getString("message"));
  }

  @Test
  void aTokenGraphStillRefusesAfterAFreshOneMarksTheConnectionForASignInAndSaysHow() throws Exception {
    String id = tenant.signedInConnection(DemoSeed.USER, DemoSeed.USER_PASSWORD, new JsonObject());
    tenant.fault(new JsonObject().put("path", "/v1.0/**").put("times", 2)
        .put("fault", new JsonObject().put("type", "status").put("status", 401)));

    JsonObject run = runStep("outlook/list-folders", new JsonObject().put("connection", id));

    assertThat(run.getString("status")).isEqualTo("failed");
    String sentence = "Microsoft 365 refused the connection's token even after a new one was obtained (the sign-in was "
        + "revoked, or the app lost its permissions): sign in again (POST /api/v1/connections/" + id + "/authorize "
        + "answers the link).";
    assertThat(stepError(run).getString("message")).isEqualTo(sentence);
    assertThat(connection(id).getString("status")).isEqualTo("needs_reconnect");
    assertThat(connection(id).getString("statusMessage")).isEqualTo(sentence);

    assertThat(runStep("outlook/list-folders", new JsonObject().put("connection", id)).getString("status"))
        .isEqualTo("succeeded");
    assertThat(connection(id).getString("status")).as("a call that succeeds connects again").isEqualTo("connected");
  }

  @Test
  void theStatusIsWrittenOnlyWhenItChanges() {
    String id = tenant.appOnlyConnection(DemoSeed.USER);
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();
    JsonObject first = connection(id);

    clock.advance(Duration.ofMinutes(5));
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();
    runStep("outlook/list-folders", new JsonObject().put("connection", id));

    assertThat(connection(id).getString("updatedAt")).isEqualTo(first.getString("updatedAt"));
  }

  @Test
  void aDelegatedConnectionNobodySignedInToSaysThatAnyoneMaySignInAndWhereAndStaysNew() {
    String id = tenant.connection(new JsonObject().put("authMode", "authorization_code_pkce"));

    JsonObject tested = api.post("/api/v1/connections/" + id + "/test", null).json();

    assertThat(tested.getString("message")).isEqualTo("Nobody has signed in to this connection yet: anyone of the "
        + "organisation may sign in once the app is approved (POST /api/v1/connections/" + id + "/authorize answers "
        + "the link to open in a browser).");
    assertThat(connection(id).getString("status")).isEqualTo("new");
    assertThat(connection(id).getString("statusMessage")).isEqualTo(tested.getString("message"));
  }

  @Test
  void sharedMailboxesOnlyWithTheSignedInUsersOwnMailboxIsRefusedAtSignInAndKeepsNoToken() throws Exception {
    tenant.grantAdminConsent();
    String id = tenant.connection(new JsonObject().put("authMode", "authorization_code_pkce")
        .put("sharedMailboxesOnly", true).put("mailbox", DemoSeed.USER));

    ApiClient.Answer refused = tenant.signIn(id, DemoSeed.USER, DemoSeed.USER_PASSWORD);

    String sentence = "The connection's 'mailbox' (" + DemoSeed.USER + ") is the signed-in user's own mailbox, and "
        + "the connection may use shared mailboxes only: an admin must set 'mailbox' to a shared mailbox (PUT "
        + "/api/v1/connections/" + id + "), or sign in with another account that has access to it.";
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains(sentence.replace("'", "&#39;"));
    assertThat(connection(id).getString("status")).isEqualTo("new");
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getString("message"))
        .as("no token was kept").startsWith("Nobody has signed in to this connection yet");
  }

  @Test
  void aSignInTheFenceRefusesLeavesTheEarlierSignInWorking() throws Exception {
    String id = tenant.signedInConnection(DemoSeed.USER, DemoSeed.USER_PASSWORD, new JsonObject()
        .put("sharedMailboxesOnly", true).put("mailbox", DemoSeed.ADMIN));

    ApiClient.Answer refused = tenant.signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("The connection&#39;s &#39;mailbox&#39; (" + DemoSeed.ADMIN + ") is the "
        + "signed-in user&#39;s own mailbox");
    assertThat(connection(id).getString("status")).isEqualTo("connected");
    assertThat(connection(id).getString("statusMessage")).isEqualTo("Signed in as " + DemoSeed.USER + ".");
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getString("message"))
        .as("still " + DemoSeed.USER + "'s tokens, who may not open that mailbox")
        .startsWith(DemoSeed.ADMIN + ": HTTP 403 ErrorAccessDenied");
  }

  @Test
  void aTestThatFailsForEveryMailboxEndsTheSameWhetherItsTokenWasCachedOrNot() {
    String id = tenant.appOnlyConnection("nobody@" + DemoSeed.DOMAIN);

    JsonObject first = api.post("/api/v1/connections/" + id + "/test", null).json();
    String afterFirst = connection(id).getString("status");
    JsonObject second = api.post("/api/v1/connections/" + id + "/test", null).json();

    assertThat(first.getBoolean("ok")).isFalse();
    assertThat(afterFirst).isEqualTo("error");
    assertThat(connection(id).getString("status")).isEqualTo("error");
    assertThat(second.getString("message")).isEqualTo(first.getString("message"));
  }

  @Test
  void aSendWithoutFromFromAConnectionWhoseMailboxBecameTheUsersOwnNamesTheConnectionsMailbox() throws Exception {
    JsonObject properties = new JsonObject().put("sharedMailboxesOnly", true).put("mailbox", DemoSeed.SHARED);
    String id = tenant.signedInConnection(DemoSeed.USER, DemoSeed.USER_PASSWORD, properties.copy());
    JsonObject changed = connection(id).getJsonObject("properties").put("mailbox", DemoSeed.USER);
    assertThat(api.put("/api/v1/connections/" + id, new JsonObject().put("type", "outlook/microsoft365")
        .put("name", "Contoso mail").put("properties", changed)).status()).isEqualTo(200);

    JsonObject run = runStep("outlook/send-email", new JsonObject().put("connection", id)
        .put("to", new JsonArray().add(DemoSeed.ADMIN)).put("subject", "Hello").put("body", "Hi"));

    assertThat(run.getString("status")).isEqualTo("failed");
    assertThat(stepError(run).getString("message")).startsWith("The connection's 'mailbox' (" + DemoSeed.USER
        + ") is the signed-in user's own mailbox").doesNotContain("'from'");
    assertThat(tenant.withSubject(DemoSeed.ADMIN, "inbox", "Hello")).isEmpty();
  }
}
