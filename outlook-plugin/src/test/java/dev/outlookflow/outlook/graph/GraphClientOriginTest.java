package dev.outlookflow.outlook.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.connection.Credentials;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the Graph client sends a connection's token: to the origin of its Graph base URL and nowhere
 * else, whatever absolute URL it is asked to call. Stand-ins are real HTTP servers on loopback that
 * record every request that reaches them.
 */
class GraphClientOriginTest {
  private static final String TOKEN = "connection-access-token";

  private Vertx vertx;
  private GraphClient client;
  private StandIn graph;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    client = new GraphClient(PluginEnvironments.of(vertx, "http://127.0.0.1"),
        new RetryPolicy(new Random(1), Clock.systemUTC()), (millis, task) -> vertx.setTimer(Math.max(1, millis),
            id -> task.run()), GraphConcurrency.DEFAULT);
    graph = StandIn.start(vertx, "127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aLinkAtGraphsOwnOriginGetsTheToken() throws Exception {
    JsonObject page = await(get(graph.baseUrl(), graph.url("/v1.0/me/messages?%24skip=10")));

    assertThat(page.getJsonArray("value")).isEmpty();
    assertThat(graph.seen()).containsExactly(new Seen(HttpMethod.GET, "/v1.0/me/messages?%24skip=10", "Bearer " + TOKEN));
  }

  @Test
  void aLinkToAnotherPortIsRefusedAndThatServerHearsNothing() throws Exception {
    StandIn elsewhere = StandIn.start(vertx, "127.0.0.1", 0);

    Throwable refused = outcome(get(graph.baseUrl(), elsewhere.url("/v1.0/me/messages?$skiptoken=SKIP-SECRET")));

    assertThat(elsewhere.seen()).isEmpty();
    assertWithheld(refused, elsewhere.origin());
    assertThat(refused.getMessage()).doesNotContain("SKIP-SECRET").doesNotContain(TOKEN);
  }

  @Test
  void aLinkToAnotherHostOnTheSamePortIsRefusedAndThatServerHearsNothing() throws Exception {
    StandIn elsewhere = StandIn.start(vertx, "127.0.0.2", graph.port());

    Throwable refused = outcome(get(graph.baseUrl(), elsewhere.url("/v1.0/me/messages?%24skip=10")));

    assertThat(elsewhere.seen()).isEmpty();
    assertThat(graph.seen()).isEmpty();
    assertWithheld(refused, "http://127.0.0.2:" + graph.port());
  }

  @Test
  void aLinkThatDropsFromHttpsToPlainHttpIsRefusedAndNothingIsSentInTheClear() throws Exception {
    StandIn plain = StandIn.start(vertx, "127.0.0.1", 0);
    String httpsGraph = "https://127.0.0.1:" + plain.port() + "/v1.0";

    Throwable refused = outcome(get(httpsGraph, plain.url("/v1.0/me/messages?%24skip=10")));

    assertThat(plain.seen()).isEmpty();
    assertThat(refused).isInstanceOf(ExtensionException.class).hasMessage("Refused to send the connection's token to "
        + plain.origin() + ": it goes only to this connection's Microsoft Graph at " + httpsGraph.replace("/v1.0", "")
        + ".");
  }

  @Test
  void aLinkDisguisedWithGraphAsUserInfoIsRefused() throws Exception {
    StandIn elsewhere = StandIn.start(vertx, "127.0.0.1", 0);
    String disguised = "http://127.0.0.1:" + graph.port() + "@127.0.0.1:" + elsewhere.port() + "/v1.0/me/messages";

    Throwable refused = outcome(get(graph.baseUrl(), disguised));

    assertThat(elsewhere.seen()).isEmpty();
    assertThat(graph.seen()).isEmpty();
    assertWithheld(refused, elsewhere.origin());
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    StandIn elsewhere = StandIn.start(vertx, "127.0.0.1", 0);
    graph.answer(request -> request.response().setStatusCode(302)
        .putHeader("Location", elsewhere.url("/v1.0/me/messages")).end());

    Throwable failure = outcome(get(graph.baseUrl(), graph.url("/v1.0/me/messages")));

    assertThat(elsewhere.seen()).isEmpty();
    assertThat(failure).isInstanceOf(GraphException.class);
    assertThat(((GraphException) failure).status()).isEqualTo(302);
  }

  @Test
  void uploadSessionUrlsNeverGetTheToken() throws Exception {
    GraphOrigin sandboxGraph = GraphOrigin.ofBase(graph.baseUrl());
    String uploadUrl = graph.url("/_upload/1?authtoken=UPLOAD-SECRET");

    await(client.uploadChunk(sandboxGraph, uploadUrl, Buffer.buffer("abc"), 0, 3, "adele@contoso.com"));
    await(client.uploadStatus(sandboxGraph, uploadUrl, "adele@contoso.com"));

    assertThat(graph.seen()).containsExactly(new Seen(HttpMethod.PUT, "/_upload/1?authtoken=UPLOAD-SECRET", null),
        new Seen(HttpMethod.GET, "/_upload/1?authtoken=UPLOAD-SECRET", null));
  }

  @Test
  void aPlainHttpUploadUrlAwayFromTheSandboxsGraphIsRefused() throws Exception {
    StandIn elsewhere = StandIn.start(vertx, "127.0.0.1", 0);
    GraphOrigin sandboxGraph = GraphOrigin.ofBase(graph.baseUrl());
    String uploadUrl = elsewhere.url("/_upload/1?authtoken=UPLOAD-SECRET");

    Throwable chunk = outcome(client.uploadChunk(sandboxGraph, uploadUrl, Buffer.buffer("abc"), 0, 3,
        "adele@contoso.com"));
    Throwable status = outcome(client.uploadStatus(sandboxGraph, uploadUrl, "adele@contoso.com"));

    assertThat(elsewhere.seen()).isEmpty();
    for (Throwable refused : Arrays.asList(chunk, status)) {
      assertThat(refused).isInstanceOf(ExtensionException.class)
          .hasMessage("Microsoft Graph's upload session URL leads to " + elsewhere.origin() + ", which is not https "
              + "(nor this connection's Graph at " + graph.origin() + "): the attachment was not sent over it.");
      assertThat(((ExtensionException) refused).code()).isEqualTo("insecure_upload_url");
    }
  }

  private void assertWithheld(Throwable refused, String target) {
    assertThat(refused).isInstanceOf(ExtensionException.class).hasMessage("Refused to send the connection's token to "
        + target + ": it goes only to this connection's Microsoft Graph at " + graph.origin() + ".");
    assertThat(((ExtensionException) refused).code()).isEqualTo("token_withheld");
  }

  private Future<JsonObject> get(String graphBaseUrl, String url) {
    Credentials credentials = new Credentials("Bearer", TOKEN, Instant.now().plusSeconds(3600), null);
    return client.send(graphBaseUrl, new GraphClient.Request(HttpMethod.GET, url, null, "adele@contoso.com", true),
        fresh -> Future.succeededFuture(credentials));
  }

  private static JsonObject await(Future<JsonObject> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Why the call failed, once it is over; null if it succeeded. */
  private static Throwable outcome(Future<JsonObject> future) {
    Throwable thrown = catchThrowable(() -> await(future));
    return thrown instanceof ExecutionException failed ? failed.getCause() : thrown;
  }

  /** What reached a stand-in: the request line and the Authorization header (null: none). */
  record Seen(HttpMethod method, String uri, String authorization) {}

  /** A loopback HTTP server that records each request, then answers an empty Graph page unless told otherwise. */
  static final class StandIn {
    private final HttpServer server;
    private final String host;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Handler<HttpServerRequest> answer = request -> request.response()
        .putHeader("Content-Type", "application/json").end(new JsonObject().put("value", List.of()).encode());

    private StandIn(HttpServer server, String host) {
      this.server = server;
      this.host = host;
    }

    static StandIn start(Vertx vertx, String host, int port) throws Exception {
      HttpServer server = vertx.createHttpServer();
      StandIn standIn = new StandIn(server, host);
      server.requestHandler(request -> {
        standIn.seen.add(new Seen(request.method(), request.uri(), request.getHeader("Authorization")));
        request.body().onSuccess(body -> standIn.answer.handle(request));
      });
      server.listen(port, host).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return standIn;
    }

    void answer(Handler<HttpServerRequest> handler) {
      answer = handler;
    }

    int port() {
      return server.actualPort();
    }

    String origin() {
      return "http://" + host + ":" + port();
    }

    String baseUrl() {
      return origin() + "/v1.0";
    }

    String url(String pathAndQuery) {
      return origin() + pathAndQuery;
    }

    List<Seen> seen() {
      return List.copyOf(seen);
    }
  }
}
