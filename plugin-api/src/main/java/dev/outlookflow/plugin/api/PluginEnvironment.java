package dev.outlookflow.plugin.api;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.Optional;

/** Runtime services shared by all extensions. */
public interface PluginEnvironment {
  Vertx vertx();

  /** A client for outbound HTTP; never blocks the event loop. */
  WebClient webClient();

  /**
   * The runtime's bounded pool for blocking libraries (msal4j, JDBC drivers): run such calls here,
   * never on an event loop.
   */
  WorkerExecutor workers();

  /** Time as the runtime sees it; tests inject a fixed or stepping clock. */
  Clock clock();

  /** Where the identity provider returns the browser after an interactive sign-in. */
  String oauthCallbackUrl();

  /** The runtime's public base URL, e.g. for webhook registrations. */
  String publicUrl();

  /** Base URL of the embedded Microsoft 365 sandbox, when the runtime runs one. */
  Optional<String> sandboxBaseUrl();

  /**
   * A setting the runtime was started with for plugins ({@code --plugin-setting name=value}), such as
   * {@code outlook.graphConcurrency=app}; empty when not given. A plugin documents the names it reads.
   */
  Optional<String> setting(String name);
}
