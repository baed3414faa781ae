package dev.outlookflow.outlook.auth;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.PluginEnvironment;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** The sandbox demo app's registration, asked of the sandbox once: never shown in the catalog. */
final class DemoApp {
  private volatile JsonObject known;

  Future<JsonObject> of(PluginEnvironment env) {
    JsonObject app = known;
    if (app != null) {
      return Future.succeededFuture(app);
    }
    String url = env.sandboxBaseUrl().orElseThrow() + "/_sandbox/demoApp";
    return env.webClient().getAbs(url).send().compose(response -> response.statusCode() == 200
        ? Future.succeededFuture(known = response.bodyAsJsonObject())
        : Future.failedFuture(new ExtensionException("no_sandbox", "The sandbox at " + env.sandboxBaseUrl().get()
            + " did not answer its demo app (HTTP " + response.statusCode() + ").")));
  }
}
