package dev.outlookflow.plugin.api;

import org.pf4j.ExtensionPoint;

/** An action, trigger or connection type, as the runtime finds it in a plugin. */
public interface Extension extends ExtensionPoint {
  Descriptor descriptor();
}
