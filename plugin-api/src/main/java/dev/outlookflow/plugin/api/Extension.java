package dev.outlookflow.plugin.api;

import dev.outlookflow.uischema.form.Form;
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
}
