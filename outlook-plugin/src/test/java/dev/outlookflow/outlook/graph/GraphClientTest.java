package dev.outlookflow.outlook.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.connection.Credentials;
import dev.outlookflow.sandbox.SandboxOptions;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared Graph client against the sandbox, with its faults and limits on. */
class GraphClientTest {
  private RunningSandbox sandbox;
  private Vertx vertx;
  private PluginEnvironment env;
  private Credentials credentials;
  /** The sandbox's Graph, as the connection's cloud profile gives it. */
  private String graphBaseUrl;
  private final List<Long> delays = new CopyOnWriteArrayList<>();
  private GraphClient client;

  @BeforeEach
  void start() throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo());
    String token = MailUsers.of(sandbox).app;
    vertx = Vertx.vertx();
    env = PluginEnvironments.of(vertx, sandbox.baseUrl());
    graphBaseUrl = sandbox.baseUrl() + "/v1.0";
    credentials = new Credentials("Bearer", token, Instant.now().plusSeconds(3000), null);
    GraphClient.Timer recording = (millis, task) -> {
      delays.add(millis);
      vertx.setTimer(Math.max(1, millis), id -> task.run());
    };
    client = new GraphClient(env, new RetryPolicy(new Random(1), Clock.systemUTC()), recording,
        GraphConcurrency.DEFAULT);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sandbox.close();
  }

  private Future<JsonObject> listMessages() {
    return client.send(graphBaseUrl, new GraphClient.Request(HttpMethod.GET, "/users/" + DemoSeed.USER
        + "/messages?$top=1", null, DemoSeed.USER, true), fresh -> Future.succeededFuture(credentials));
  }

  private int heldBySandbox() throws Exception {
    return sandbox.get("/_sandbox/faults", null).json().getInteger("held");
  }

  @Test
  void neverMoreThanFourRequestsInFlightPerMailboxAndAMailboxLeftIdleIsForgotten() throws Exception {
    // The sandbox holds each request until released, so the client's four at a time overlap for certain.
    sandbox.control("/faults", new JsonObject().put("path", "/v1.0/users/*/messages").put("times", 10)
        .put("fault", new JsonObject().put("type", "hold")));
    List<Future<JsonObject>> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(listMessages());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (heldBySandbox() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(heldBySandbox()).as("four requests in flight at once").isEqualTo(4);
    assertThat(client.entriesKept()).as("one pool of slots").isEqualTo(1);
    Future<?> done = Future.all(all);
    while (!done.isComplete() && System.nanoTime() < deadline) {
      if (heldBySandbox() > 0) {
        sandbox.post("/_sandbox/faults/release", "application/json", "");
      }
      Thread.sleep(10);
    }

    assertThat(all).allMatch(Future::succeeded);
    assertThat(delays).as("a fifth request at once would have been answered MailboxConcurrency and retried")
        .isEmpty();
    assertThat(client.entriesKept()).as("no slots kept for a mailbox with nothing in flight").isZero();
  }

  @Test
  void anAnswerOfMoreThan64KibIsParsedWhole() throws Exception {
    String content = "x".repeat(100 * 1024);
    JsonObject large = new JsonObject().put("subject", "Large").put("body", new JsonObject().put("contentType", "text")
        .put("content", content));
    JsonObject draft = client.send(graphBaseUrl, new GraphClient.Request(HttpMethod.POST,
            "/users/" + DemoSeed.USER + "/messages", large, DemoSeed.USER, false),
            fresh -> Future.succeededFuture(credentials))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(draft.getString("subject")).isEqualTo("Large");
    assertThat(draft.getJsonObject("body").getString("content")).contains(content);
  }

  @Test
  void a429WithAFractionalRetryAfterIsRetriedAfterIt() throws Exception {
    sandbox.control("/faults", new JsonObject().put("path", "/v1.0/users/*/messages").put("times", 1)
        .put("fault", new JsonObject().put("type", "status").put("status", 429).put("retryAfter", "0.5")));
    JsonObject page = listMessages().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(page.containsKey("value")).isTrue();
    assertThat(delays).containsExactly(500L);
  }

  @Test
  void whatMustNotBeRepeatedIsNotRetriedAndErrorsAreTyped() throws Exception {
    sandbox.control("/faults", new JsonObject().put("method", "POST").put("path", "/v1.0/users/*/sendMail")
        .put("times", 1).put("fault", new JsonObject().put("type", "status").put("status", 503)));
    Future<JsonObject> send = client.send(graphBaseUrl, new GraphClient.Request(HttpMethod.POST,
        "/users/" + DemoSeed.USER + "/sendMail", new JsonObject(), DemoSeed.USER, false),
        fresh -> Future.succeededFuture(credentials));
    assertThatThrownBy(() -> send.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(GraphException.class)
        .satisfies(e -> {
          GraphException graph = (GraphException) e;
          assertThat(graph.status()).isEqualTo(503);
          assertThat(graph.graphCode()).isEqualTo("serviceNotAvailable");
          assertThat(graph.upstreamRequestId()).isNotBlank();
        });
    assertThat(delays).isEmpty();
  }
}
