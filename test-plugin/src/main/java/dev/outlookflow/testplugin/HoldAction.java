package dev.outlookflow.testplugin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Records its progress, then holds the step in flight until the runtime dies, so that tests can
 * crash the runtime mid-step. Re-invoked in recovery, it finishes from what it recorded.
 */
abstract class HoldAction implements Action<HoldAction.Properties, HoldAction.Held> {

  public record Properties(@FormField(label = "Ticket", required = true, expressions = true) String ticket) {}

  /** What the step records before it holds. */
  public record Progress(String phase, String draftId) {}

  public record Held(@JsonPropertyDescription("What the step had recorded when it was resumed") Progress resumedFrom,
      String ticket) {}

  @Override
  public Future<Held> execute(ActionContext context, Properties properties) {
    if (context.recovering() && context.cancellation().isCancelled()) {
      // Taken up after a crash only to learn what it did, its run having been cancelled: it did nothing.
      return Future.failedFuture(new ExtensionException("stopped", "stopped on resuming: its run was cancelled"));
    }
    if (context.recovering()) {
      return Future.succeededFuture(new Held(context.state().current(Progress.class).orElse(null),
          properties.ticket()));
    }
    Promise<Held> never = Promise.promise();
    return context.state().record(new Progress("draft-created", "d-" + context.runId()))
        .compose(v -> never.future());
  }
}
