package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.action.ActionDescriptor;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.pf4j.Extension;

/**
 * Records that it is waiting, then holds its step in flight until its run is cancelled or the runtime
 * stops: then it stops, failing, or with {@code finishAnyway} completes, as a send already handed to
 * Graph does. Re-invoked in recovery, it completes at once.
 */
@Extension
public class WaitForCancelAction implements Action<WaitForCancelAction.Properties, WaitForCancelAction.Outcome> {
  private static final ActionDescriptor<Properties, Outcome> DESCRIPTOR = ActionDescriptor.of("wait-for-cancel",
      "Wait for cancel", "Stays in flight until its run is cancelled or the runtime stops", Properties.class,
      Outcome.class).recoverable();

  public record Properties(
      @FormField(label = "Finish anyway", help = "Completes when cancelled, as a step whose effect already happened")
          Boolean finishAnyway) {}

  /** What the step records while it waits. */
  public record Waiting(String phase) {}

  /** {@code resumed} after a crash, or {@code finished} despite a cancellation; the other is null. */
  public record Outcome(Boolean resumed, String finished) {}

  @Override
  public ActionDescriptor<Properties, Outcome> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<Outcome> execute(ActionContext context, Properties properties) {
    if (context.recovering()) {
      return Future.succeededFuture(new Outcome(true, null));
    }
    boolean finishAnyway = Boolean.TRUE.equals(properties.finishAnyway());
    Promise<Outcome> outcome = Promise.promise();
    return context.state().record(new Waiting("waiting")).compose(v -> {
      context.cancellation().onCancel(() -> {
        if (finishAnyway) {
          outcome.tryComplete(new Outcome(null, "despite the cancellation"));
        } else {
          outcome.tryFail(new ExtensionException("stopped", "stopped when asked to"));
        }
      });
      return outcome.future();
    });
  }
}
