package dev.outlookflow.runtime.environment;

import dev.outlookflow.plugin.api.PluginEnvironment;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The services the runtime hands to every extension. The public URL is a supplier because with
 * {@code --port 0} it is known only once the server listens; {@code settings} are those the runtime was
 * started with for plugins ({@code --plugin-setting name=value}).
 */
public record RuntimeEnvironment(
    Vertx vertx,
    WebClient webClient,
    WorkerExecutor workers,
    Clock clock,
    Supplier<String> publicAddress,
    Optional<String> sandboxBaseUrl,
    Map<String, String> settings)
    implements PluginEnvironment {

  public RuntimeEnvironment {
    settings = Map.copyOf(settings);
  }

  @Override
  public Optional<String> setting(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(settings.get(name));
  }

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
