package dev.outlookflow.plugin.api;

import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * What every extension shows in the catalog. The runtime prefixes {@link #id()} with the plugin id,
 * so an action {@code send-mail} of plugin {@code outlook} is {@code outlook/send-mail}.
 */
public interface Extension extends ExtensionPoint {
  /** Id unique within the plugin: lower-case letters, digits and dashes. */
  String id();

  String name();

  String description();

  /**
   * The property panel; values are validated against it before the extension sees them. Return the
   * same instance every time (a constant): the runtime compiles its schema once per instance.
   */
  Form form();

  /**
   * Checks beyond the form's schema, e.g. a cron expression's syntax or fields that must agree;
   * empty when all is well. For actions it is called at design time with the values as entered,
   * so a field holding an expression is not resolved yet.
   */
  default List<FieldError> validate(JsonObject properties) {
    return List.of();
  }
}
