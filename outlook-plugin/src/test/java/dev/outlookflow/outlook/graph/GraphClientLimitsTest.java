package dev.outlookflow.outlook.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outlookflow.outlook.graph.GraphClientOriginTest.Seen;
import dev.outlookflow.outlook.graph.GraphClientOriginTest.StandIn;
import dev.outlookflow.outlook.graph.GraphConcurrency.Scope;
import dev.outlookflow.plugin.api.connection.Credentials;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How many requests the Graph client has at Graph at once, and that nothing goes to a mailbox while a
 * {@code Retry-After} Graph gave for it is in force. Graph is a loopback stand-in that holds each request until
 * the test answers it; the client's timer runs a task only when the test does, and its clock stands still.
 */
class GraphClientLimitsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final String ADELE = "adele@contoso.com";
  private static final String BIANCA = "bianca@contoso.com";

  private Vertx vertx;
  private StandIn graph;
  /** The requests the stand-in holds unanswered, as they arrive. */
  private final BlockingQueue<HttpServerRequest> held = new LinkedBlockingQueue<>();
  /** What the client gave its timer, each waiting for the test to run it. */
  private final BlockingQueue<Scheduled> scheduled = new LinkedBlockingQueue<>();

  private record Scheduled(long millis, Runnable task) {}

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    graph = StandIn.start(vertx, "127.0.0.1", 0);
    graph.answer(held::add);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void afterA429WithRetryAfterNothingGoesToThatMailboxUntilItEndsWhileAnotherMailboxsRequestGoesAtOnce(Scope scope)
      throws Exception {
    GraphClient client = client(new GraphConcurrency(scope, 4));
    Future<JsonObject> throttled = listMessages(client, ADELE);
    answer(next(), 429, "1.5");

    Scheduled retryAfter = nextScheduled();
    assertThat(retryAfter.millis()).isEqualTo(1500);
    assertThat(client.pausedUntil("Adele@Contoso.com")).contains(NOW.plusMillis(1500));

    Future<JsonObject> meanwhile = listMessages(client, ADELE);
    Future<JsonObject> upload = client.uploadStatus(GraphOrigin.ofBase(graph.baseUrl()),
        graph.url("/_upload/1?authtoken=UPLOAD"), ADELE);
    Future<JsonObject> otherMailbox = listMessages(client, BIANCA);
    HttpServerRequest biancas = next();
    assertThat(biancas.path()).as("the next request at Graph").isEqualTo(messagesOf(BIANCA));
    answer(biancas, 200, null);
    await(otherMailbox);
    assertThat(uris()).as("Adele's retry, her next request and her upload wait; Bianca's went")
        .containsExactly(messagesOf(ADELE), messagesOf(BIANCA));

    retryAfter.task().run();
    answerAll(3);
    await(throttled);
    await(meanwhile);
    await(upload);

    assertThat(uris()).hasSize(5).startsWith(messagesOf(ADELE), messagesOf(BIANCA));
    assertThat(uris().subList(2, 5)).containsExactlyInAnyOrder(messagesOf(ADELE), messagesOf(ADELE),
        "/_upload/1?authtoken=UPLOAD");
    assertThat(scheduled).as("the retry waited for the mailbox's deadline, not a timer of its own").isEmpty();
    assertThat(client.pausedUntil(ADELE)).isEmpty();
    assertThat(client.entriesKept()).as("nothing kept once the wait is over").isZero();
  }

  @Test
  void aShorterRetryAfterDoesNotCutALongerOneShortAndALongerOneExtendsIt() throws Exception {
    GraphClient client = client(GraphConcurrency.DEFAULT);
    Future<JsonObject> first = listMessages(client, ADELE);
    Future<JsonObject> write = sendMail(client, ADELE);
    Future<JsonObject> third = listMessages(client, ADELE);
    List<HttpServerRequest> inFlight = next(3);
    HttpServerRequest writeRequest = inFlight.stream().filter(request -> request.method() == HttpMethod.POST)
        .findFirst().orElseThrow();
    List<HttpServerRequest> reads = inFlight.stream().filter(request -> request != writeRequest).toList();

    answer(reads.get(0), 429, "2");
    Scheduled twoSeconds = nextScheduled();
    answer(writeRequest, 503, "1");
    assertThatThrownBy(() -> await(write)).cause().isInstanceOf(GraphException.class);
    assertThat(client.pausedUntil(ADELE)).contains(NOW.plusSeconds(2));
    answer(reads.get(1), 429, "3");
    Scheduled threeSeconds = nextScheduled();

    assertThat(List.of(twoSeconds.millis(), threeSeconds.millis())).containsExactly(2000L, 3000L);
    assertThat(scheduled).as("no timer for the shorter wait").isEmpty();
    twoSeconds.task().run();
    assertThat(client.pausedUntil(ADELE)).as("the retries still wait").contains(NOW.plusSeconds(3));

    threeSeconds.task().run();
    answerAll(2);
    await(first);
    await(third);
    assertThat(client.pausedUntil(ADELE)).isEmpty();
  }

  @Test
  void aWriteAnswered503IsNotRepeatedButItsRetryAfterHoldsTheMailbox() throws Exception {
    GraphClient client = client(GraphConcurrency.DEFAULT);
    Future<JsonObject> send = sendMail(client, ADELE);
    answer(next(), 503, "2");

    assertThatThrownBy(() -> await(send)).cause().isInstanceOf(GraphException.class);
    assertThat(client.pausedUntil(ADELE)).contains(NOW.plusSeconds(2));
    assertThat(nextScheduled().millis()).isEqualTo(2000);
  }

  @Test
  void inTheAppScopeAFifthRequestWaitsForASlotWhicheverMailboxItIsFor() throws Exception {
    GraphClient client = client(new GraphConcurrency(Scope.APP, 4));
    List<Future<JsonObject>> calls = List.of(listMessages(client, ADELE), listMessages(client, ADELE),
        listMessages(client, ADELE), listMessages(client, BIANCA), listMessages(client, BIANCA));

    List<HttpServerRequest> inFlight = next(4);
    assertThat(paths(inFlight)).containsExactlyInAnyOrder(messagesOf(ADELE), messagesOf(ADELE), messagesOf(ADELE),
        messagesOf(BIANCA));
    assertThat(client.waitingForSlot()).isEqualTo(1);

    answer(inFlight.get(0), 200, null);
    HttpServerRequest fifth = next();
    assertThat(fifth.path()).isEqualTo(messagesOf(BIANCA));
    answerAll(inFlight.subList(1, 4));
    answer(fifth, 200, null);
    calls.forEach(GraphClientLimitsTest::await);
    assertThat(client.entriesKept()).isZero();
  }

  @Test
  void inTheMailboxScopeEachMailboxHasFourInFlight() throws Exception {
    GraphClient client = client(new GraphConcurrency(Scope.MAILBOX, 4));
    List<Future<JsonObject>> adele = new ArrayList<>();
    List<Future<JsonObject>> bianca = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      adele.add(listMessages(client, ADELE));
      bianca.add(listMessages(client, BIANCA));
    }
    adele.add(listMessages(client, ADELE));

    List<HttpServerRequest> inFlight = next(8);
    assertThat(paths(inFlight)).filteredOn(messagesOf(ADELE)::equals).hasSize(4);
    assertThat(paths(inFlight)).filteredOn(messagesOf(BIANCA)::equals).hasSize(4);
    assertThat(client.waitingForSlot()).isEqualTo(1);

    answerAll(inFlight.stream().filter(request -> request.path().equals(messagesOf(BIANCA))).toList());
    bianca.forEach(GraphClientLimitsTest::await);
    assertThat(client.waitingForSlot()).as("Bianca's free slots are not Adele's").isEqualTo(1);

    List<HttpServerRequest> adeles = inFlight.stream().filter(request -> request.path().equals(messagesOf(ADELE)))
        .toList();
    answer(adeles.get(0), 200, null);
    HttpServerRequest fifth = next();
    assertThat(fifth.path()).isEqualTo(messagesOf(ADELE));
    answerAll(adeles.subList(1, 4));
    answer(fifth, 200, null);
    adele.forEach(GraphClientLimitsTest::await);
    assertThat(client.entriesKept()).isZero();
  }

  private GraphClient client(GraphConcurrency concurrency) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return new GraphClient(PluginEnvironments.of(vertx, "http://127.0.0.1", clock, Map.of()),
        new RetryPolicy(new Random(1), clock), (millis, task) -> scheduled.add(new Scheduled(millis, task)),
        concurrency);
  }

  private Future<JsonObject> listMessages(GraphClient client, String mailbox) {
    return client.send(graph.baseUrl(), new GraphClient.Request(HttpMethod.GET, "/users/" + mailbox + "/messages",
        null, mailbox, true), GraphClientLimitsTest::credentials);
  }

  /** A write: Graph may have acted on it even when its answer is an error. */
  private Future<JsonObject> sendMail(GraphClient client, String mailbox) {
    return client.send(graph.baseUrl(), new GraphClient.Request(HttpMethod.POST, "/users/" + mailbox + "/sendMail",
        new JsonObject(), mailbox, false), GraphClientLimitsTest::credentials);
  }

  private static Future<Credentials> credentials(boolean fresh) {
    return Future.succeededFuture(new Credentials("Bearer", "token", NOW.plusSeconds(3600), null));
  }

  private static String messagesOf(String mailbox) {
    return "/v1.0/users/" + mailbox + "/messages";
  }

  private HttpServerRequest next() throws InterruptedException {
    return next(1).get(0);
  }

  /** The next {@code count} requests to reach the stand-in, waiting for each as long as a slow machine may need. */
  private List<HttpServerRequest> next(int count) throws InterruptedException {
    List<HttpServerRequest> arrived = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HttpServerRequest request = held.poll(30, TimeUnit.SECONDS);
      assertThat(request).as("request %d of %d reached Graph", i + 1, count).isNotNull();
      arrived.add(request);
    }
    return arrived;
  }

  private Scheduled nextScheduled() throws InterruptedException {
    Scheduled task = scheduled.poll(30, TimeUnit.SECONDS);
    assertThat(task).as("the client set a timer").isNotNull();
    return task;
  }

  /** Answers {@code request} with {@code status} (an empty page when it succeeds), and {@code retryAfter} if any. */
  private static void answer(HttpServerRequest request, int status, String retryAfter) {
    if (retryAfter != null) {
      request.response().putHeader("Retry-After", retryAfter);
    }
    JsonObject body = status < 300 ? new JsonObject().put("value", List.of())
        : new JsonObject().put("error", new JsonObject().put("code", status == 429 ? "TooManyRequests"
            : "serviceNotAvailable").put("message", "Please retry again later."));
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  private static void answerAll(List<HttpServerRequest> requests) {
    requests.forEach(request -> answer(request, 200, null));
  }

  /** Answers the next {@code count} requests to arrive with an empty page. */
  private void answerAll(int count) throws InterruptedException {
    answerAll(next(count));
  }

  private List<String> uris() {
    return graph.seen().stream().map(Seen::uri).toList();
  }

  private static List<String> paths(List<HttpServerRequest> requests) {
    return requests.stream().map(HttpServerRequest::path).toList();
  }

  private static JsonObject await(Future<JsonObject> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException failed) {
      throw new IllegalStateException(failed.getCause());
    } catch (Exception notDone) {
      throw new IllegalStateException(notDone);
    }
  }
}
