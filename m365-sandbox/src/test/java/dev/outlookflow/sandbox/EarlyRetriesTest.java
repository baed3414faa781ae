package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code retryAfter} in {@code /_sandbox/counters}: Graph answers that told a client to wait, and requests of
 * the same app and mailbox that came back before the wait was over.
 */
class EarlyRetriesTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final String MESSAGES = "/v1.0/users/*/messages";
  private static final String OTHER_CLIENT_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
  private static final String OTHER_CLIENT_SECRET = "other-app-secret";

  private RunningSandbox sandbox;
  private MailUsers users;

  /**
   * A sandbox on a clock that stands still unless moved, so whether a request is inside a wait is exact; its
   * tenant has a second app, for requests of another app on the same mailbox.
   */
  private void start(Seed.Limits limits) throws Exception {
    Seed.Tenant demo = DemoSeed.seed().tenants().get(0);
    List<Seed.App> apps = new ArrayList<>(demo.apps());
    apps.add(new Seed.App(OTHER_CLIENT_ID, "Another app",
        List.of(new Seed.Secret("s1", OTHER_CLIENT_SECRET, "2099-12-31T00:00:00Z")), List.of(), List.of(),
        List.of("Mail.ReadWrite"), true));
    Seed.Tenant tenant = new Seed.Tenant(demo.id(), demo.domain(), demo.displayName(), demo.usersMayConsent(),
        demo.users(), demo.sharedMailboxes(), apps);
    sandbox = RunningSandbox.onStillClock(new Seed(List.of(tenant), limits), START);
    users = MailUsers.of(sandbox);
    sandbox.send("DELETE", "/_sandbox/counters", null, null);
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  private Http.Answer listMessages(String mailbox, String token) throws Exception {
    return sandbox.send("GET", "/v1.0/users/" + mailbox + "/messages", token, null);
  }

  private Http.Answer listMessages() throws Exception {
    return listMessages(DemoSeed.ADMIN, users.app);
  }

  private void injectStatus(int status, String retryAfter) throws Exception {
    JsonObject fault = new JsonObject().put("type", "status").put("status", status);
    if (retryAfter != null) {
      fault.put("retryAfter", retryAfter);
    }
    sandbox.control("/faults", new JsonObject().put("method", "GET").put("path", MESSAGES).put("times", 1)
        .put("fault", fault));
  }

  private JsonObject retryAfter() throws Exception {
    return sandbox.get("/_sandbox/counters", null).json().getJsonObject("retryAfter");
  }

  private static JsonObject counts(long told, long early, JsonObject lastEarly) {
    return new JsonObject().put("told", told).put("early", early).put("lastEarly", lastEarly);
  }

  private static JsonObject lastEarly(String app, String mailbox, long earlyByMillis) {
    return new JsonObject().put("method", "GET").put("path", "/v1.0/users/{user}/messages").put("app", app)
        .put("mailbox", mailbox).put("earlyByMillis", earlyByMillis);
  }

  private void advanceSeconds(int seconds) throws Exception {
    sandbox.control("/clock", new JsonObject().put("advanceSeconds", seconds));
  }

  @Test
  void aRequestOfTheSameAppAndMailboxInsideTheWaitIsEarlyAndStillAnswered() throws Exception {
    start(Seed.Limits.GRAPH);
    injectStatus(429, "0.5");

    Http.Answer throttled = listMessages();
    Http.Answer retry = listMessages();

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("0.5");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retryAfter()).isEqualTo(counts(1, 1, lastEarly(DemoSeed.RUNTIME_CLIENT_ID, DemoSeed.ADMIN, 500)));
  }

  @Test
  void requestsOfAnotherMailboxOrAnotherAppAreNotEarly() throws Exception {
    start(Seed.Limits.GRAPH);
    String otherApp = new CodeFlow(sandbox).token("grant_type=client_credentials&client_id=" + OTHER_CLIENT_ID
        + "&client_secret=" + OTHER_CLIENT_SECRET + "&scope=" + CodeFlow.encode("https://graph.microsoft.com/.default"))
        .json().getString("access_token");
    injectStatus(429, "5");
    listMessages();

    assertThat(listMessages(DemoSeed.USER, users.app).status()).isEqualTo(200);
    assertThat(listMessages(DemoSeed.ADMIN, otherApp).status()).isEqualTo(200);

    assertThat(retryAfter()).isEqualTo(counts(1, 0, null));
  }

  @Test
  void aRequestOnceTheWaitIsOverIsNotEarly() throws Exception {
    start(Seed.Limits.GRAPH);
    injectStatus(429, "1");
    listMessages();

    advanceSeconds(1);
    listMessages();

    assertThat(retryAfter()).as("a request at the very end of the wait").isEqualTo(counts(1, 0, null));
  }

  @Test
  void aRetryAfterOfZeroAsksForNoWait() throws Exception {
    start(Seed.Limits.GRAPH);
    injectStatus(503, "0");
    listMessages();

    listMessages();

    assertThat(retryAfter()).isEqualTo(counts(1, 0, null));
  }

  @Test
  void theLaterOfTwoWaitsHolds() throws Exception {
    start(Seed.Limits.GRAPH);
    injectStatus(429, "5");
    injectStatus(429, "1");
    listMessages();
    listMessages();

    advanceSeconds(2);
    assertThat(listMessages().status()).isEqualTo(200);

    assertThat(retryAfter()).as("the second answer's shorter wait does not cut the first's")
        .isEqualTo(counts(2, 2, lastEarly(DemoSeed.RUNTIME_CLIENT_ID, DemoSeed.ADMIN, 3000)));
  }

  @Test
  void onlyA429OrA503WithRetryAfterTellsAWait() throws Exception {
    start(Seed.Limits.GRAPH);
    injectStatus(500, "5");
    injectStatus(429, null);
    injectStatus(503, "2");
    listMessages();
    listMessages();
    listMessages();

    listMessages();

    assertThat(retryAfter()).as("the 500 and the 429 without Retry-After told no wait")
        .isEqualTo(counts(1, 1, lastEarly(DemoSeed.RUNTIME_CLIENT_ID, DemoSeed.ADMIN, 2000)));
  }

  @Test
  void theSandboxsOwnThrottlingTellsAWait() throws Exception {
    start(new Seed.Limits(true, 4, 1));
    assertThat(listMessages().status()).isEqualTo(200);

    Http.Answer throttled = listMessages();
    listMessages();

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("600");
    assertThat(retryAfter()).as("the request inside the window's 600 s is early, and throttled again")
        .isEqualTo(counts(2, 1, lastEarly(DemoSeed.RUNTIME_CLIENT_ID, DemoSeed.ADMIN, 600_000)));
  }

  @Test
  void aRequestAlreadyUnderWayWhenTheWaitWasToldIsNotEarly() throws Exception {
    start(Seed.Limits.GRAPH);
    sandbox.control("/faults", new JsonObject().put("method", "GET").put("path", MESSAGES).put("times", 1)
        .put("fault", new JsonObject().put("type", "hold")));
    injectStatus(429, "5");
    ExecutorService client = Executors.newSingleThreadExecutor();
    try {
      Future<Http.Answer> underWay = client.submit(() -> listMessages());
      awaitHeld();
      assertThat(listMessages().status()).isEqualTo(429);
      sandbox.post("/_sandbox/faults/release", "application/json", "");

      assertThat(underWay.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(retryAfter()).isEqualTo(counts(1, 0, null));
    } finally {
      client.shutdown();
    }
    listMessages();
    assertThat(retryAfter()).as("a request sent after the answer is").isEqualTo(
        counts(1, 1, lastEarly(DemoSeed.RUNTIME_CLIENT_ID, DemoSeed.ADMIN, 5000)));
  }

  /** Until the sandbox holds the request under way: it has arrived, before the 429 is asked for. */
  private void awaitHeld() throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (sandbox.get("/_sandbox/faults", null).json().getInteger("held") < 1) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the sandbox never held the request under way");
      }
      Thread.sleep(10);
    }
  }

  /** A 429 that tells a wait of 5 s, and a request inside it. */
  private void cameEarlyOnce() throws Exception {
    injectStatus(429, "5");
    listMessages();
    listMessages();
    assertThat(retryAfter().getLong("early")).isEqualTo(1);
  }

  @Test
  void clearingTheCountersOrAResetForgetsTheWaitsWithTheCounts() throws Exception {
    start(Seed.Limits.GRAPH);
    cameEarlyOnce();

    sandbox.send("DELETE", "/_sandbox/counters", null, null);
    assertThat(retryAfter()).isEqualTo(counts(0, 0, null));
    listMessages();
    assertThat(retryAfter()).as("inside the wait told before the clear").isEqualTo(counts(0, 0, null));

    cameEarlyOnce();
    sandbox.post("/_sandbox/reset", "application/json", "");
    listMessages();
    assertThat(retryAfter()).as("inside the wait told before the reset").isEqualTo(counts(0, 0, null));
  }
}
