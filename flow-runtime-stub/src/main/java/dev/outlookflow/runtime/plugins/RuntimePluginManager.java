package dev.outlookflow.runtime.plugins;

import java.nio.file.Path;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;

/** PF4J for plugin zips (expanded next to themselves) with shared-first class loading. */
final class RuntimePluginManager extends DefaultPluginManager {

  RuntimePluginManager(Path pluginsDir, String systemVersion) {
    super(pluginsDir);
    setSystemVersion(systemVersion);
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new CompoundPluginLoader().add(new DefaultPluginLoader(this) {
      @Override
      protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
        return new SharedFirstClassLoader(pluginManager, descriptor, getClass().getClassLoader());
      }
    });
  }
}
