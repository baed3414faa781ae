package dev.outlookflow.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.RuntimeConfig;
import dev.outlookflow.runtime.SandboxChoice;
import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.Runs;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list step whose Graph answers an {@code @odata.nextLink} that leads elsewhere: the step fails
 * saying where it led, and the server there never hears from the runtime, let alone gets the token.
 * Graph is a stand-in on loopback that the runtime takes for its sandbox ({@code --sandbox-url}), and
 * the connection holds a pasted token, so no sign-in is involved.
 */
class NextLinkOriginIT {
  private static final String MESSAGES = "/v1.0/me/mailFolders/inbox/messages";

  @TempDir Path temp;
  private final String token = pastedToken();
  private Vertx vertx;
  private StandIn graph;
  private InProcessRuntime runtime;
  private ApiClient api;
  /** Where the stand-in Graph's first page sends the runtime next. */
  private volatile String nextLink;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    graph = StandIn.start(vertx, "127.0.0.1", 0, this::answerAsGraph);
    Path plugins = Files.createDirectories(temp.resolve("plugins"));
    Files.copy(OutlookRuntime.pluginZip(), plugins.resolve("outlook.zip"));
    runtime = InProcessRuntime.start(RuntimeConfig.local(temp.resolve("data"), plugins, Clock.systemUTC())
        .withSandbox(new SandboxChoice.External(graph.origin())));
    api = runtime.api();
  }

  @AfterEach
  void stop() throws Exception {
    try {
      runtime.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aNextLinkAtGraphItselfIsFollowedWithTheToken() {
    nextLink = graph.origin() + MESSAGES + "?%24top=25&%24skip=1";

    JsonObject run = listMessages();

    assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
    assertThat(OutlookRuntime.output(run).getJsonArray("messages")).hasSize(2);
    assertThat(graph.seen()).extracting(Seen::authorization).containsExactly("Bearer " + token, "Bearer " + token);
  }

  @Test
  void aNextLinkToAnotherPortFailsTheStepAndThatServerHearsNothing() throws Exception {
    StandIn elsewhere = StandIn.start(vertx, "127.0.0.1", 0, request -> new JsonObject());
    nextLink = elsewhere.origin() + MESSAGES + "?%24skiptoken=SKIP-SECRET";

    JsonObject run = listMessages();

    assertThat(elsewhere.seen()).isEmpty();
    assertRefused(run, elsewhere.origin());
  }

  @Test
  void aNextLinkToAnotherHostOnTheSamePortFailsTheStepAndThatServerHearsNothing() throws Exception {
    StandIn elsewhere = StandIn.start(vertx, "127.0.0.2", graph.port(), request -> new JsonObject());
    nextLink = elsewhere.origin() + MESSAGES + "?%24skiptoken=SKIP-SECRET";

    JsonObject run = listMessages();

    assertThat(elsewhere.seen()).isEmpty();
    assertRefused(run, elsewhere.origin());
  }

  private void assertRefused(JsonObject run, String elsewhere) {
    assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("failed");
    JsonObject error = OutlookRuntime.error(run);
    assertThat(error.getString("code")).isEqualTo("link_not_followed");
    assertThat(error.getString("message")).startsWith("Microsoft Graph's @odata.nextLink leads to " + elsewhere
        + ", not to this connection's Graph at " + graph.origin() + ": it was not followed, so the connection's "
        + "token was not sent there.").doesNotContain("SKIP-SECRET").doesNotContain(token);
    assertThat(graph.seen()).as("Graph was asked for the first page only").hasSize(1);
  }

  private JsonObject listMessages() {
    ApiClient.Answer connection = api.post("/api/v1/connections", new JsonObject().put("type", "outlook/microsoft365")
        .put("name", "Pasted token").put("properties", new JsonObject().put("cloud", "sandbox")
            .put("authMode", "bearer_token").put("bearerToken", token)));
    assertThat(connection.status()).as(connection.text()).isEqualTo(201);
    String flow = Runs.createFlow(api, Runs.oneStepFlow("List", "list", "outlook/list-messages",
        new JsonObject().put("connection", connection.json().getString("id"))));
    return Runs.awaitFinished(api, Runs.start(api, flow, new JsonObject()));
  }

  /** The sandbox's demo app (asked for even with a pasted token), then a first page pointing at {@link #nextLink}. */
  private JsonObject answerAsGraph(HttpServerRequest request) {
    if (request.path().equals("/_sandbox/demoApp")) {
      return new JsonObject().put("tenantId", "8f2c1e56-3b7a-4d2e-9c1f-5a6b7c8d9e01")
          .put("clientId", "6d1f8a7e-2c4b-4e3a-9f1d-0b2a3c4d5e6f").put("clientSecret", "unused with a pasted token");
    }
    boolean first = request.getParam("$skip") == null;
    JsonObject page = new JsonObject().put("value", new JsonArray().add(new JsonObject()
        .put("id", first ? "message-1" : "message-2").put("subject", first ? "First page" : "Second page")));
    return first ? page.put("@odata.nextLink", nextLink) : page;
  }

  /** A JWT as a pasted token must be: the plugin reads its expiry, only Graph would check its signature. */
  private static String pastedToken() {
    String claims = new JsonObject().put("exp", Instant.now().plusSeconds(3600).getEpochSecond()).encode();
    return "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".signature";
  }

  /** What reached a stand-in: the path and query, and the Authorization header (null: none). */
  record Seen(String uri, String authorization) {}

  /** A loopback HTTP server that records each Graph request (not the demo app's) and answers JSON. */
  static final class StandIn {
    private final HttpServer server;
    private final String host;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private StandIn(HttpServer server, String host) {
      this.server = server;
      this.host = host;
    }

    static StandIn start(Vertx vertx, String host, int port, Function<HttpServerRequest, JsonObject> answer)
        throws Exception {
      HttpServer server = vertx.createHttpServer();
      StandIn standIn = new StandIn(server, host);
      server.requestHandler(request -> {
        if (!request.path().startsWith("/_sandbox/")) {
          standIn.seen.add(new Seen(request.uri(), request.getHeader("Authorization")));
        }
        request.response().putHeader("Content-Type", "application/json").end(answer.apply(request).encode());
      });
      server.listen(port, host).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return standIn;
    }

    int port() {
      return server.actualPort();
    }

    String origin() {
      return "http://" + host + ":" + port();
    }

    List<Seen> seen() {
      return List.copyOf(seen);
    }
  }
}
