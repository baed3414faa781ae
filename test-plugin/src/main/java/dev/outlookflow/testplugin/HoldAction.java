package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

/**
 * Records its progress, then holds the step in flight until the runtime dies, so that tests can
 * crash the runtime mid-step. Re-invoked in recovery, it finishes from what it recorded.
 */
abstract class HoldAction implements Action {
  private static final Form FORM = Form.of(Properties.class);

  public record Properties(@FormField(label = "Ticket", required = true, expressions = true) String ticket) {}

  @Override
  public Form form() {
    return FORM;
  }

  @Override
  public Future<JsonObject> execute(ActionContext context, JsonObject properties) {
    if (context.recovering() && context.cancellation().isCancelled()) {
      // Taken up after a crash only to learn what it did, its run having been cancelled: it did nothing.
      return Future.failedFuture(new ExtensionException("stopped", "stopped on resuming: its run was cancelled"));
    }
    if (context.recovering()) {
      return Future.succeededFuture(new JsonObject()
          .put("resumedFrom", context.state().current())
          .put("ticket", properties.getString("ticket")));
    }
    JsonObject progress = new JsonObject().put("phase", "draft-created").put("draftId", "d-" + context.runId());
    Promise<JsonObject> never = Promise.promise();
    return context.state().record(progress).compose(v -> never.future());
  }
}
