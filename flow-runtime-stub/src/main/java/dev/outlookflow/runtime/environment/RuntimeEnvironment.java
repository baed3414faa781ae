package dev.outlookflow.runtime.environment;

import dev.outlookflow.plugin.api.PluginEnvironment;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The services the runtime hands to every extension. The public URL is a supplier because with
 * {@code --port 0} it is known only once the server listens.
 */
public record RuntimeEnvironment(
    Vertx vertx,
    WebClient webClient,
    WorkerExecutor workers,
    Clock clock,
    Supplier<String> publicAddress,
    Optional<String> sandboxBaseUrl)
    implements PluginEnvironment {

  @Override
  public String publicUrl() {
    return publicAddress.get();
  }

  @Override
  public String oauthCallbackUrl() {
    return publicUrl() + "/oauth/callback";
  }

  public long now() {
    return clock.millis();
  }
}
