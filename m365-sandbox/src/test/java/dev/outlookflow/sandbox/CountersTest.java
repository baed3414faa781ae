package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /_sandbox/counters}: which requests the sandbox answered, how, for whom; how often each fault fired. */
class CountersTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final String MESSAGES = "/v1.0/users/{user}/messages";
  private static final String MEGAN_ID = DemoSeed.seed().tenants().get(0).user(DemoSeed.ADMIN).orElseThrow().id();

  private RunningSandbox sandbox;
  private MailUsers users;

  /** A sandbox on a clock that stands still unless moved, so first and last seen are exact. */
  private void start(Seed.Limits limits) throws Exception {
    sandbox = RunningSandbox.onStillClock(new Seed(DemoSeed.seed().tenants(), limits), START);
    users = MailUsers.of(sandbox);
    // Signing in made requests of its own; each test counts from here.
    sandbox.send("DELETE", "/_sandbox/counters", null, null);
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  private Http.Answer listMessages() throws Exception {
    return sandbox.send("GET", "/v1.0/users/" + DemoSeed.ADMIN + "/messages?$top=10", users.app, null);
  }

  private void inject(String method, String path, int status, int times) throws Exception {
    sandbox.control("/faults", new JsonObject().put("method", method).put("path", path).put("times", times)
        .put("fault", new JsonObject().put("type", "status").put("status", status)));
  }

  private JsonObject counters(String query) throws Exception {
    Http.Answer answer = sandbox.get("/_sandbox/counters" + query, null);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private List<JsonObject> requests(String query) throws Exception {
    JsonArray requests = counters(query).getJsonArray("requests");
    return requests.stream().map(JsonObject.class::cast).toList();
  }

  private static JsonObject row(String method, String path, int status, String app, String mailbox, long count,
      Instant first, Instant last) {
    return new JsonObject().put("method", method).put("path", path).put("status", status).put("app", app)
        .put("mailbox", mailbox).put("count", count).put("first", first.toString()).put("last", last.toString());
  }

  @Test
  void aServedRequestAndAnInjected429AreRowsOfTheirOwn() throws Exception {
    start(Seed.Limits.GRAPH);
    inject("GET", "/v1.0/users/*/messages", 429, 1);

    assertThat(listMessages().status()).isEqualTo(429);
    assertThat(listMessages().status()).isEqualTo(200);
    sandbox.control("/clock", new JsonObject().put("advanceSeconds", 60));
    assertThat(listMessages().status()).isEqualTo(200);

    assertThat(requests("?path=" + CodeFlow.encode(MESSAGES))).containsExactly(
        row("GET", MESSAGES, 429, DemoSeed.RUNTIME_CLIENT_ID, DemoSeed.ADMIN, 1, START, START),
        row("GET", MESSAGES, 200, DemoSeed.RUNTIME_CLIENT_ID, DemoSeed.ADMIN, 2, START, START.plusSeconds(60)));
  }

  @Test
  void requestsOnMeAreCountedAgainstTheCallersOwnId() throws Exception {
    start(Seed.Limits.GRAPH);

    sandbox.send("GET", "/v1.0/me/mailFolders/inbox/messages", users.megan, null);

    assertThat(requests("")).containsExactly(row("GET", "/v1.0/me/mailFolders/{folder}/messages", 200,
        DemoSeed.RUNTIME_CLIENT_ID, MEGAN_ID, 1, START, START));
  }

  @Test
  void aTokenRequestIsCountedForTheClientItNamesOnNoMailbox() throws Exception {
    start(Seed.Limits.GRAPH);

    new CodeFlow(sandbox).appToken();

    assertThat(requests("")).containsExactly(
        row("POST", "/{tenant}/oauth2/v2.0/token", 200, DemoSeed.RUNTIME_CLIENT_ID, "", 1, START, START));
  }

  @Test
  void requestsTheMailboxLimitsRefuseAreCounted() throws Exception {
    start(new Seed.Limits(true, 4, 1));

    assertThat(listMessages().status()).isEqualTo(200);
    assertThat(listMessages().status()).isEqualTo(429);

    assertThat(requests("?status=429")).extracting(row -> row.getString("path"), row -> row.getLong("count"))
        .containsExactly(tuple(MESSAGES, 1L));
  }

  @Test
  void aPathNoRouteServesIsCountedByItsShape() throws Exception {
    start(Seed.Limits.GRAPH);

    sandbox.send("GET", "/v1.0/users/" + DemoSeed.ADMIN + "/contacts", users.app, null);

    assertThat(requests("")).extracting(row -> row.getString("path"), row -> row.getInteger("status"))
        .containsExactly(tuple("/v1.0/users/{user}/contacts", 404));
  }

  @Test
  void aConnectionDroppedBeforeAnAnswerIsCountedWithStatusZero() throws Exception {
    start(Seed.Limits.GRAPH);
    sandbox.control("/faults", new JsonObject().put("method", "GET").put("path", "/v1.0/users/*/messages")
        .put("times", 1).put("fault", new JsonObject().put("type", "dropBefore")));

    assertThatThrownBy(this::listMessages).isInstanceOf(IOException.class);
    listMessages();

    assertThat(requests("")).extracting(row -> row.getInteger("status")).containsExactly(0, 200);
  }

  @Test
  void theControlApiIsNotCounted() throws Exception {
    start(Seed.Limits.GRAPH);

    sandbox.get("/_sandbox/health", null);
    sandbox.get("/_sandbox/faults", null);

    assertThat(requestSections(counters(""))).isEqualTo(new JsonObject().put("requests", new JsonArray())
        .put("dropped", 0).put("faults", new JsonArray()));
  }

  @Test
  void filtersKeepTheRowsOfOneMethodAndStatus() throws Exception {
    start(Seed.Limits.GRAPH);
    inject("GET", "/v1.0/users/*/messages", 503, 1);
    listMessages();
    listMessages();
    sandbox.send("POST", "/v1.0/users/" + DemoSeed.ADMIN + "/messages", users.app,
        MailUsers.mail("Draft", DemoSeed.USER));

    assertThat(requests("?method=get&status=503")).extracting(row -> row.getString("method"),
        row -> row.getInteger("status")).containsExactly(tuple("GET", 503));
    assertThat(requests("?method=POST")).extracting(row -> row.getInteger("status")).containsExactly(201);
    assertThat(sandbox.get("/_sandbox/counters?status=many", null).status()).isEqualTo(400);
  }

  @Test
  void eachFaultRuleCountsTheRequestsItHitEvenOnceSpent() throws Exception {
    start(Seed.Limits.GRAPH);
    inject("GET", "/v1.0/users/*/messages", 429, 2);
    inject("POST", "/v1.0/users/*/sendMail", 503, 1);
    for (int i = 0; i < 3; i++) {
      listMessages();
    }

    JsonArray faults = counters("").getJsonArray("faults");

    assertThat(faults).hasSize(2);
    assertThat(faults.getJsonObject(0).getString("id")).isNotBlank();
    assertThat(faults.getJsonObject(0).copy().put("id", "x")).isEqualTo(new JsonObject().put("id", "x")
        .put("method", "GET").put("path", "/v1.0/users/*/messages").put("fired", 2));
    assertThat(faults.getJsonObject(1).getLong("fired")).isZero();
    assertThat(sandbox.get("/_sandbox/faults", null).json().getInteger("active")).as("the spent rule is not active")
        .isEqualTo(1);
  }

  @Test
  void deleteStartsTheCountsAgainAndKeepsTheRules() throws Exception {
    start(Seed.Limits.GRAPH);
    inject("GET", "/v1.0/users/*/messages", 429, 2);
    listMessages();

    assertThat(sandbox.send("DELETE", "/_sandbox/counters", null, null).status()).isEqualTo(204);

    JsonObject counters = counters("");
    assertThat(counters.getJsonArray("requests")).isEmpty();
    assertThat(counters.getJsonArray("faults").getJsonObject(0).getLong("fired")).isZero();
    assertThat(listMessages().status()).as("the rule still has one to go").isEqualTo(429);
    assertThat(requests("")).extracting(row -> row.getLong("count")).containsExactly(1L);
    assertThat(sandbox.get("/_sandbox/faults", null).json().getLong("fired"))
        .as("the faults' own total is not the counters'").isEqualTo(2);
  }

  @Test
  void resetStartsTheCountsAgainToo() throws Exception {
    start(Seed.Limits.GRAPH);
    listMessages();

    sandbox.post("/_sandbox/reset", "application/json", "");

    assertThat(requestSections(counters(""))).isEqualTo(new JsonObject().put("requests", new JsonArray())
        .put("dropped", 0).put("faults", new JsonArray()));
  }

  /** The answer without the sections other features add (the delta hazards', the Retry-After waits'). */
  private static JsonObject requestSections(JsonObject counters) {
    JsonObject own = counters.copy();
    own.remove("hazards");
    own.remove("retryAfter");
    return own;
  }
}
