package dev.outlookflow.outlook.graph;

import dev.outlookflow.plugin.api.PluginEnvironment;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The plugin's environment in tests: real Vert.x, its web client and workers, beside a sandbox. */
public final class PluginEnvironments {
  private PluginEnvironments() {}

  public static PluginEnvironment of(Vertx vertx, String sandboxUrl) {
    return of(vertx, sandboxUrl, Clock.systemUTC(), Map.of());
  }

  /** An environment on {@code clock}, started with the plugin settings {@code settings}. */
  public static PluginEnvironment of(Vertx vertx, String sandboxUrl, Clock clock, Map<String, String> settings) {
    // More connections than any concurrency limit allows (Vert.x's default is 5 per host), so that what holds
    // requests back in these tests is the client's slots, not the HTTP connection pool.
    WebClient web = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(32));
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("test-workers", 2);
    return new PluginEnvironment() {
      @Override
      public Vertx vertx() {
        return vertx;
      }

      @Override
      public WebClient webClient() {
        return web;
      }

      @Override
      public WorkerExecutor workers() {
        return workers;
      }

      @Override
      public Clock clock() {
        return clock;
      }

      @Override
      public String oauthCallbackUrl() {
        return "http://127.0.0.1/oauth/callback";
      }

      @Override
      public String publicUrl() {
        return "http://127.0.0.1";
      }

      @Override
      public Optional<String> sandboxBaseUrl() {
        return Optional.of(sandboxUrl);
      }

      @Override
      public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
      }
    };
  }
}
