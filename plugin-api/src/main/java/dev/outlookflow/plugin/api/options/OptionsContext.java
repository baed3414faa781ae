package dev.outlookflow.plugin.api.options;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import java.util.Optional;

/** What loading a dynamic dropdown's options gets. */
public interface OptionsContext {
  /** The connection chosen in the form's connection field, if any. */
  Optional<ConnectionHandle> connection();

  PluginEnvironment environment();
}
