package dev.outlookflow.plugin.api.action;

import dev.outlookflow.plugin.api.Extension;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A flow step. The runtime resolves the step's expressions, validates the result against {@link
 * #form()} (defaults applied), then calls {@link #execute}. The returned object is the step's output,
 * which later steps reach as {@code {{steps.<id>.<path>}}}.
 */
public interface Action extends Extension {

  /**
   * Whether the runtime may re-invoke this action, with {@link ActionContext#recovering()} true,
   * when a crash interrupted it. An action that does not support recovery is marked {@code
   * interrupted} after a crash and is never re-run blindly.
   */
  boolean supportsRecovery();

  /**
   * Runs the step. Must not block the event loop: blocking work goes to {@link
   * dev.outlookflow.plugin.api.PluginEnvironment#workers()}. A failed future fails the step (and the
   * run) with its message; throw {@link dev.outlookflow.plugin.api.ExtensionException} for a coded
   * error.
   */
  Future<JsonObject> execute(ActionContext context, JsonObject properties);
}
