package dev.outlookflow.runtime.plugins;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.PluginExtensions;
import java.nio.file.Path;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultExtensionFactory;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginWrapper;

/**
 * PF4J for plugin zips (expanded next to themselves) with shared-first class loading; a plugin whose
 * {@code Plugin} class makes its own extensions ({@link PluginExtensions}) is asked for each, with the
 * runtime's environment.
 */
final class RuntimePluginManager extends DefaultPluginManager {
  private final PluginEnvironment environment;

  RuntimePluginManager(Path pluginsDir, String systemVersion, PluginEnvironment environment) {
    super(pluginsDir);
    this.environment = environment;
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

  /** Called by PF4J's constructor, before this class's fields are set: the factory reads them when it makes. */
  @Override
  protected ExtensionFactory createExtensionFactory() {
    ExtensionFactory byConstructor = new DefaultExtensionFactory();
    return new ExtensionFactory() {
      @Override
      public <T> T create(Class<T> extensionClass) {
        PluginWrapper plugin = whichPlugin(extensionClass);
        return plugin != null && plugin.getPlugin() instanceof PluginExtensions maker
            ? maker.create(extensionClass, environment)
            : byConstructor.create(extensionClass);
      }
    };
  }
}
