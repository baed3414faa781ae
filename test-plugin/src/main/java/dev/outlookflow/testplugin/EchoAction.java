package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.options.Option;
import dev.outlookflow.plugin.api.options.OptionsContext;
import dev.outlookflow.plugin.api.options.OptionsProvider;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Returns its resolved properties, so tests can see exactly what bindings produced. */
@Extension
public class EchoAction implements Action, OptionsProvider {
  private static final Form FORM = Form.of(Properties.class);

  public record Properties(
      @FormField(label = "Connection", type = FieldType.CONNECTION, connectionType = "test/basic")
          String connection,
      @FormField(label = "Message", required = true, expressions = true) String message,
      @FormField(label = "Title", expressions = true, maxLength = 255, help = "Bounded like a mail's subject")
          String title,
      @FormField(label = "Count", expressions = true, minimum = 0) Integer count,
      @FormField(label = "Tags", expressions = true) Map<String, String> tags,
      @FormField(label = "Colour", type = FieldType.DYNAMIC_DROPDOWN, dependsOn = "connection")
          String colour,
      @FormField(label = "Fail with", help = "Makes the step fail with this message")
          String failWith) {}

  @Override
  public String id() {
    return "echo";
  }

  @Override
  public String name() {
    return "Echo";
  }

  @Override
  public String description() {
    return "Answers with its resolved properties";
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
    if (properties.getString("failWith") != null) {
      return Future.failedFuture(new ExtensionException("requested_failure", properties.getString("failWith"),
          "upstream-" + context.idempotencyKey(), null));
    }
    JsonObject output = properties.copy().put("idempotencyKey", context.idempotencyKey());
    if (context.connection().isEmpty()) {
      return Future.succeededFuture(output);
    }
    return context.connection().get().credentials()
        .map(credentials -> output.put("authorization", credentials.scheme()));
  }

  @Override
  public Future<List<Option>> loadOptions(OptionsContext context, String field, JsonObject values) {
    String account = context.connection()
        .map(c -> c.properties().getString("account", c.name()))
        .orElse("no connection");
    return Future.succeededFuture(List.of(
        new Option("red", "Red (" + account + ")"), new Option("blue", "Blue (" + account + ")")));
  }
}
