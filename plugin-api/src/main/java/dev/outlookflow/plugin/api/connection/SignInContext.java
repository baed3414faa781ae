package dev.outlookflow.plugin.api.connection;

import dev.outlookflow.plugin.api.PluginEnvironment;

/** What an interactive sign-in step gets. */
public interface SignInContext {
  ConnectionHandle connection();

  /** The one-time {@code state} value the authorize URL must carry; the runtime checks it on return. */
  String state();

  /** The redirect URI registered for the runtime. */
  String callbackUrl();

  PluginEnvironment environment();
}
