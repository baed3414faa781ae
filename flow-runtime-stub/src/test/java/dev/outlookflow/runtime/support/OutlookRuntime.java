package dev.outlookflow.runtime.support;

import dev.outlookflow.runtime.RuntimeConfig;
import dev.outlookflow.runtime.SandboxChoice;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The runtime with the Outlook plugin and its embedded demo tenant, for tests of the mail actions. */
public final class OutlookRuntime implements AutoCloseable {
  private final InProcessRuntime runtime;
  private final ApiClient api;
  private final OutlookTenant tenant;

  private OutlookRuntime(InProcessRuntime runtime) throws Exception {
    this.runtime = runtime;
    this.api = runtime.api();
    this.tenant = new OutlookTenant(api, runtime.runtime().sandboxUrl().orElseThrow());
  }

  public static OutlookRuntime start(Path temp) throws Exception {
    return start(temp, Clock.systemUTC());
  }

  /** With the runtime's clock (the sandbox keeps its own, which its control API moves). */
  public static OutlookRuntime start(Path temp, Clock clock) throws Exception {
    Path plugins = Files.createDirectories(temp.resolve("plugins"));
    Files.copy(pluginZip(), plugins.resolve("outlook.zip"));
    return new OutlookRuntime(InProcessRuntime.start(RuntimeConfig.local(temp.resolve("data"), plugins, clock)
        .withSandbox(new SandboxChoice.Embedded())));
  }

  public static Path pluginZip() {
    return Path.of(System.getProperty("pluginsDir"), "outlook-plugin-plugin.zip");
  }

  public ApiClient api() {
    return api;
  }

  /** The runtime itself, e.g. to restart it (then ask {@code inProcess().api()} for its new address). */
  public InProcessRuntime inProcess() {
    return runtime;
  }

  /** Where the embedded sandbox answers. */
  public String sandboxUrl() {
    return runtime.runtime().sandboxUrl().orElseThrow();
  }

  public OutlookTenant tenant() {
    return tenant;
  }

  /** Runs a one-step flow of {@code type} with {@code properties} on {@code event}; answers the finished run. */
  public JsonObject runStep(String type, JsonObject properties, JsonObject event) {
    return runStep(type, properties, event, Duration.ofSeconds(30));
  }

  /** With a deadline for steps that move tens of megabytes (on a shared two-core machine, a minute or more). */
  public JsonObject runStep(String type, JsonObject properties, JsonObject event, Duration deadline) {
    String flowId = Runs.createFlow(api, Runs.oneStepFlow("Mail step", "mail", type, properties));
    return Runs.awaitFinished(api, Runs.start(api, flowId, event), deadline);
  }

  /** The output of a finished run's only step. */
  public static JsonObject output(JsonObject run) {
    JsonArray steps = run.getJsonArray("steps");
    return steps.getJsonObject(0).getJsonObject("output");
  }

  /** The error of a failed run. */
  public static JsonObject error(JsonObject run) {
    return run.getJsonObject("error");
  }

  @Override
  public void close() throws Exception {
    runtime.close();
  }
}
