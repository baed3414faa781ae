package dev.outlookflow.sandbox.support;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import dev.outlookflow.sandbox.Sandbox;
import dev.outlookflow.sandbox.SandboxOptions;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** An embedded sandbox for one test, with the clients a test needs. */
public final class RunningSandbox implements AutoCloseable {
  private final Vertx vertx;
  private final Sandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();

  private RunningSandbox(Vertx vertx, Sandbox sandbox) {
    this.vertx = vertx;
    this.sandbox = sandbox;
  }

  public static RunningSandbox start(SandboxOptions options) throws Exception {
    Vertx vertx = Vertx.vertx();
    Sandbox sandbox = Sandbox.start(vertx, options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new RunningSandbox(vertx, sandbox);
  }

  /** A sandbox whose clock stands at {@code at} until the control API moves it, so the times it tells are exact. */
  public static RunningSandbox onStillClock(Seed seed, Instant at) throws Exception {
    return start(new SandboxOptions("127.0.0.1", 0, seed, Optional.empty(), Clock.fixed(at, ZoneOffset.UTC)));
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public String baseUrl() {
    return sandbox.baseUrl();
  }

  /** The demo tenant's runtime app, as msal4j sees it. */
  public ConfidentialClientApplication runtimeApp() throws Exception {
    return app(DemoSeed.TENANT_ID, DemoSeed.RUNTIME_CLIENT_ID, DemoSeed.RUNTIME_CLIENT_SECRET);
  }

  public ConfidentialClientApplication app(String tenant, String clientId, String secret) throws Exception {
    return ConfidentialClientApplication.builder(clientId, ClientCredentialFactory.createFromSecret(secret))
        .authority(SandboxHttpClient.authority(tenant))
        .instanceDiscovery(false)
        .httpClient(new SandboxHttpClient(baseUrl()))
        .build();
  }

  public Browser browser() {
    return new Browser(baseUrl());
  }

  public Http.Answer get(String path, String bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return Http.answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  public Http.Answer post(String path, String contentType, String body) throws Exception {
    return Http.answer(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()));
  }

  public Http.Answer send(String method, String path, String bearer, JsonObject body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return Http.answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  public Http.Answer control(String path, JsonObject body) throws Exception {
    return post("/_sandbox" + path, "application/json", body.encode());
  }

  @Override
  public void close() throws Exception {
    // Closed one after the other from this thread: closing Vert.x from its own event loop stalls.
    sandbox.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
