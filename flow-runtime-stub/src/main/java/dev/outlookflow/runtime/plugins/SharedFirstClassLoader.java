package dev.outlookflow.runtime.plugins;

import java.util.List;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: the classes the host shares with plugins come from the host (so that a
 * plugin's {@code JsonObject} is the runtime's), everything else from the plugin first.
 */
final class SharedFirstClassLoader extends PluginClassLoader {
  static final List<String> SHARED_PACKAGES = List.of(
      "dev.outlookflow.plugin.api.",
      "dev.outlookflow.uischema.",
      "io.vertx.",
      "io.netty.",
      "com.fasterxml.jackson.",
      "org.slf4j.");

  SharedFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
    super(manager, descriptor, host);
  }

  @Override
  protected boolean shouldDelegateToParent(String className) {
    return super.shouldDelegateToParent(className) || isShared(className);
  }

  static boolean isShared(String className) {
    return SHARED_PACKAGES.stream().anyMatch(className::startsWith);
  }
}
