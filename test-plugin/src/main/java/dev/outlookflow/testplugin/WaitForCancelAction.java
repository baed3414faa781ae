package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.pf4j.Extension;

/**
 * Records that it is waiting, then holds its step in flight until its run is cancelled or the runtime
 * stops: then it stops, failing, or with {@code finishAnyway} completes, as a send already handed to
 * Graph does. Re-invoked in recovery, it completes at once.
 */
@Extension
public class WaitForCancelAction implements Action {
  private static final Form FORM = Form.of(Properties.class);

  public record Properties(
      @FormField(label = "Finish anyway", help = "Completes when cancelled, as a step whose effect already happened")
          Boolean finishAnyway) {}

  @Override
  public String id() {
    return "wait-for-cancel";
  }

  @Override
  public String name() {
    return "Wait for cancel";
  }

  @Override
  public String description() {
    return "Stays in flight until its run is cancelled or the runtime stops";
  }

  @Override
  public Form form() {
    return FORM;
  }

  @Override
  public boolean supportsRecovery() {
    return true;
  }

  @Override
  public Future<JsonObject> execute(ActionContext context, JsonObject properties) {
    if (context.recovering()) {
      return Future.succeededFuture(new JsonObject().put("resumed", true));
    }
    boolean finishAnyway = properties.getBoolean("finishAnyway", false);
    Promise<JsonObject> outcome = Promise.promise();
    return context.state().record(new JsonObject().put("phase", "waiting")).compose(v -> {
      context.cancellation().onCancel(() -> {
        if (finishAnyway) {
          outcome.tryComplete(new JsonObject().put("finished", "despite the cancellation"));
        } else {
          outcome.tryFail(new ExtensionException("stopped", "stopped when asked to"));
        }
      });
      return outcome.future();
    });
  }
}
