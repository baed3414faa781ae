package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.MutableClock;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.SignInBrowser;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections through the API: secrets kept back, tests, interactive sign-in, disconnect. */
class ConnectionsIT {
  @TempDir Path temp;
  private InProcessRuntime runtime;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp));
    api = runtime.api();
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
  }

  private String create(JsonObject properties) {
    ApiClient.Answer answer = api.post("/api/v1/connections",
        new JsonObject().put("type", "test/basic").put("name", "Acme").put("properties", properties));
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return answer.json().getString("id");
  }

  @Test
  void secretIsNeverSentBackAndAnUpdateWithoutItKeepsIt() {
    String id = create(new JsonObject().put("apiKey", "good"));

    JsonObject read = api.get("/api/v1/connections/" + id).json();
    assertThat(read.encode()).doesNotContain("good");
    assertThat(read.getJsonArray("secretsSet").getList()).containsExactly("apiKey");

    ApiClient.Answer renamed = api.put("/api/v1/connections/" + id, new JsonObject().put("type", "test/basic")
        .put("name", "Renamed").put("properties", read.getJsonObject("properties")));
    assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
    assertThat(renamed.json().getString("name")).isEqualTo("Renamed");

    JsonObject tested = api.post("/api/v1/connections/" + id + "/test", null).json();
    assertThat(tested.getBoolean("ok")).as("the kept key still works").isTrue();
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("connected");
  }

  @Test
  void failedTestIsRecordedAsTheConnectionStatus() {
    String id = create(new JsonObject().put("apiKey", "wrong"));

    JsonObject tested = api.post("/api/v1/connections/" + id + "/test", null).json();

    assertThat(tested.encode()).isEqualTo("{\"ok\":false,\"message\":\"the API key was refused\"}");
    JsonObject read = api.get("/api/v1/connections/" + id).json();
    assertThat(read.getString("status")).isEqualTo("error");
    assertThat(read.getString("statusMessage")).isEqualTo("the API key was refused");
  }

  /** Opens the sign-in link in {@code browser}: answers the state of the identity provider URL it was sent to. */
  private String openSignIn(SignInBrowser browser, ApiClient client, String id) throws Exception {
    ApiClient.Answer authorize = client.post("/api/v1/connections/" + id + "/authorize", null);
    assertThat(authorize.status()).as(authorize.text()).isEqualTo(200);
    assertThat(authorize.text()).as("the pending verifier stays server-side").doesNotContain("verifier");
    String link = authorize.json().getString("authorizeUrl");
    assertThat(link).startsWith(client.baseUrl() + "/oauth/start/");
    String idp = browser.redirectOf(link);
    assertThat(idp).startsWith(client.baseUrl() + "/fake-idp/authorize?state=")
        .contains("redirect_uri=" + client.baseUrl() + "/oauth/callback");
    return URI.create(idp).getQuery().replaceAll("^state=([^&]+).*$", "$1");
  }

  private SignInBrowser browser(ApiClient client) {
    return new SignInBrowser(client.baseUrl(), client.baseUrl());
  }

  @Test
  void interactiveSignInCompletesOnceInTheBrowserThatBeganIt() throws Exception {
    String id = create(new JsonObject().put("mode", "sign_in"));
    SignInBrowser browser = browser(api);
    String state = openSignIn(browser, api, id);

    ApiClient.Answer callback = browser.returnToApp(Map.of("code", "good-code", "state", state));

    assertThat(callback.status()).isEqualTo(200);
    assertThat(callback.contentType()).startsWith("text/html");
    assertThat(callback.text()).contains("The connection &quot;Acme&quot; is connected: signed in.");
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("connected");
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();

    ApiClient.Answer replay = browser.returnToApp(Map.of("code", "good-code", "state", state));
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.text()).contains("expired (sign-ins last 10 minutes) or was already completed");
  }

  @Test
  void aSignInStateExpiresAfterTenMinutes() throws Exception {
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    try (InProcessRuntime timed = InProcessRuntime.start(RuntimeConfig.local(temp.resolve("timed"),
        TestPlugins.folderWithTestPlugin(temp.resolve("timed-plugins")), clock))) {
      ApiClient timedApi = timed.api();
      String id = timedApi.post("/api/v1/connections", new JsonObject().put("type", "test/basic").put("name", "T")
          .put("properties", new JsonObject().put("mode", "sign_in"))).json().getString("id");
      SignInBrowser browser = browser(timedApi);
      String state = openSignIn(browser, timedApi, id);

      clock.advance(java.time.Duration.ofMinutes(11));

      ApiClient.Answer late = browser.returnToApp(Map.of("code", "good-code", "state", state));
      assertThat(late.status()).isEqualTo(400);
      assertThat(late.text()).contains("expired (sign-ins last 10 minutes) or was already completed");
      assertThat(timedApi.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("new");
      String unopened = timedApi.post("/api/v1/connections/" + id + "/authorize", null).json()
          .getString("authorizeUrl");
      clock.advance(java.time.Duration.ofMinutes(11));
      assertThat(browser.open(unopened).html()).as("a link not opened in time")
          .contains("This sign-in link has expired (links last 10 minutes)");
    }
  }

  @Test
  void refusedSignInSaysSoAndMarksTheConnection() throws Exception {
    String id = create(new JsonObject().put("mode", "sign_in"));
    SignInBrowser browser = browser(api);
    String state = openSignIn(browser, api, id);

    ApiClient.Answer callback = browser.returnToApp(Map.of("code", "bad", "state", state));

    assertThat(callback.status()).isEqualTo(400);
    assertThat(callback.text()).contains("Sign-in not completed", "the code was not accepted");
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("needs_reconnect");
  }

  @Test
  void authorizeIsRefusedForAConnectionWithoutInteractiveSignIn() {
    String id = create(new JsonObject().put("apiKey", "good"));
    ApiClient.Answer answer = api.post("/api/v1/connections/" + id + "/authorize", null);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("error")).contains("does not use interactive sign-in");
  }

  private void signIn(String id) throws Exception {
    SignInBrowser browser = browser(api);
    String state = openSignIn(browser, api, id);
    assertThat(browser.returnToApp(Map.of("code", "good-code", "state", state)).status()).isEqualTo(200);
  }

  @Test
  void disconnectingLetsTriggersCleanUpWithWorkingTokensThenRemovesTheTokensAndSigningInAgainReconnects()
      throws Exception {
    String id = create(new JsonObject().put("mode", "sign_in"));
    signIn(id);
    String flowId = enabledFlow("test/watch", new JsonObject().put("connection", id));

    JsonObject disconnected = api.post("/api/v1/connections/" + id + "/disconnect", null).json();

    assertThat(disconnected.getString("status")).isEqualTo("disconnected");
    JsonObject tested = api.post("/api/v1/connections/" + id + "/test", null).json();
    assertThat(tested.getBoolean("ok")).as("the tokens are gone").isFalse();
    assertThat(tested.getString("message")).contains("a trigger cleaned up with Bearer");
    assertThat(api.get("/api/v1/flows/" + flowId).json().getJsonObject("triggerStatus").getString("state"))
        .isEqualTo("stopped");

    signIn(id);
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();
  }

  @Test
  void signingInAgainOrReconnectingStartsTheTriggersUsingTheConnectionAgainButATestThatChangesNothingDoesNot()
      throws Exception {
    String id = create(new JsonObject().put("mode", "sign_in"));
    signIn(id);
    String flowId = enabledFlow("test/lifecycle", new JsonObject().put("connection", id).put("label", "signed in"));
    assertThat(keptStops(flowId)).containsExactly("");

    signIn(id);
    assertThat(keptStops(flowId)).as("signed in again: started again, its state kept")
        .containsExactly("CONNECTION_CHANGED", "");

    SignInBrowser browser = browser(api);
    browser.returnToApp(Map.of("code", "bad", "state", openSignIn(browser, api, id)));
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("needs_reconnect");
    assertThat(keptStops(flowId)).as("a refused sign-in changes nothing the trigger uses").hasSize(2);

    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();
    assertThat(keptStops(flowId)).as("connected again after needing a reconnect: started again").containsExactly(
        "CONNECTION_CHANGED CONNECTION_CHANGED", "CONNECTION_CHANGED", "");

    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();
    assertThat(keptStops(flowId)).as("a test of a connected connection writes nothing, restarts nothing")
        .hasSize(3);
  }

  /** An enabled flow of one echo step whose trigger is of {@code type}, with these properties. */
  private String enabledFlow(String type, JsonObject triggerProperties) {
    String flowId = Runs.createFlow(api, new JsonObject().put("name", "Triggered by " + type)
        .put("trigger", new JsonObject().put("type", type).put("properties", triggerProperties))
        .put("steps", new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", "a").put("type", "test/echo")
            .put("properties", new JsonObject().put("message", "m")))));
    api.post("/api/v1/flows/" + flowId + "/enable", null);
    return flowId;
  }

  /** The stop reasons each start of the flow's lifecycle trigger found kept, newest first. */
  private List<String> keptStops(String flowId) {
    return api.get("/api/v1/flows/" + flowId + "/runs").json().getJsonArray("runs").stream()
        .map(run -> api.get("/api/v1/runs/" + ((JsonObject) run).getString("id")).json().getJsonObject("trigger")
            .getString("keptStops")).toList();
  }

  @Test
  void aConnectionInUseIsDeletedOnlyWhenForcedAndItsFlowsSaySo() {
    String id = create(new JsonObject().put("apiKey", "good"));
    String flowId = Runs.createFlow(api, new JsonObject().put("name", "Uses it")
        .put("trigger", new JsonObject().put("type", "manual"))
        .put("steps", new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", "a").put("type", "test/echo")
            .put("properties", new JsonObject().put("message", "m").put("connection", id)))));

    ApiClient.Answer refused = api.delete("/api/v1/connections/" + id);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("error")).contains("'Uses it' (" + flowId + ")", "?force=true");
    assertThat(api.get("/api/v1/connections/" + id).status()).isEqualTo(200);

    assertThat(api.delete("/api/v1/connections/" + id + "?force=true").status()).isEqualTo(204);
    assertThat(api.get("/api/v1/connections/" + id).status()).isEqualTo(404);
    JsonObject flow = api.get("/api/v1/flows/" + flowId).json();
    assertThat(flow.getJsonObject("triggerStatus").getString("message")).startsWith("connection removed");
  }

  @Test
  void deletingDisconnectsAndRemovesTheConnection() {
    String id = create(new JsonObject().put("apiKey", "good"));
    assertThat(api.delete("/api/v1/connections/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/connections/" + id).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/connections").json().getJsonArray("connections")).isEmpty();
  }
}
