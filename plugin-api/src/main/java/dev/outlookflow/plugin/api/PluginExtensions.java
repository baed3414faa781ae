package dev.outlookflow.plugin.api;

/**
 * Implemented by a plugin's {@code org.pf4j.Plugin} class whose extensions share services that live as
 * long as the plugin does in its runtime (an HTTP client, a token cache): the runtime asks it for each
 * extension, with the runtime's environment, instead of calling the extension's no-argument
 * constructor. Such services then hang off the plugin instance, not static fields: they take the
 * runtime's clock, and a second runtime in the same process gets its own.
 */
public interface PluginExtensions {
  <T> T create(Class<T> extensionClass, PluginEnvironment environment);
}
