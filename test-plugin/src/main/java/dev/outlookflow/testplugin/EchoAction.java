package dev.outlookflow.testplugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.action.ActionDescriptor;
import dev.outlookflow.plugin.api.options.Option;
import dev.outlookflow.plugin.api.options.OptionsContext;
import dev.outlookflow.plugin.api.options.OptionsProvider;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/** Returns its resolved properties, so tests can see exactly what bindings produced. */
@Extension
public class EchoAction implements Action<EchoAction.Properties, EchoAction.Echoed>, OptionsProvider {
  private static final ActionDescriptor<Properties, Echoed> DESCRIPTOR = ActionDescriptor.of("echo", "Echo",
      "Answers with its resolved properties", Properties.class, Echoed.class).recoverable();

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

  /** The resolved properties as the action got them, with its idempotency key and credentials' scheme. */
  public record Echoed(String connection, String message, String title, Integer count, Map<String, String> tags,
      String colour, String idempotencyKey, String authorization) {

    Echoed authorizedWith(String scheme) {
      return new Echoed(connection, message, title, count, tags, colour, idempotencyKey, scheme);
    }
  }

  @Override
  public ActionDescriptor<Properties, Echoed> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<Echoed> execute(ActionContext context, Properties properties) {
    if (properties.failWith() != null) {
      return Future.failedFuture(new ExtensionException("requested_failure", properties.failWith(),
          "upstream-" + context.idempotencyKey(), null));
    }
    Echoed output = new Echoed(properties.connection(), properties.message(), properties.title(), properties.count(),
        properties.tags(), properties.colour(), context.idempotencyKey(), null);
    if (context.connection().isEmpty()) {
      return Future.succeededFuture(output);
    }
    return context.connection().get().credentials().map(credentials -> output.authorizedWith(credentials.scheme()));
  }

  @Override
  public Future<List<Option>> loadOptions(OptionsContext context, String field, ObjectNode values) {
    String account = context.connection()
        .map(c -> Optional.ofNullable(c.properties(BasicConnectionType.Properties.class).account()).orElse(c.name()))
        .orElse("no connection");
    return Future.succeededFuture(List.of(
        new Option("red", "Red (" + account + ")"), new Option("blue", "Blue (" + account + ")")));
  }
}
