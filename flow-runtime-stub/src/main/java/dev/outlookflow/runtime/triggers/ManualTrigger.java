package dev.outlookflow.runtime.triggers;

import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.uischema.form.Form;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Built-in trigger {@code manual}: the flow runs only when started through the API. */
public final class ManualTrigger implements Trigger {
  private static final Form FORM = Form.empty();

  @Override
  public String id() {
    return "manual";
  }

  @Override
  public String name() {
    return "Manual";
  }

  @Override
  public String description() {
    return "Runs the flow when it is started by POST /api/v1/flows/{id}/run, with that request's body as {{trigger}}";
  }

  @Override
  public Form form() {
    return FORM;
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext context, JsonObject properties) {
    return Future.succeededFuture(Future::succeededFuture);
  }
}
