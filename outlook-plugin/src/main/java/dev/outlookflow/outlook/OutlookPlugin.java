package dev.outlookflow.outlook;

import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.PluginExtensions;
import java.lang.reflect.InvocationTargetException;
import org.pf4j.Plugin;

/**
 * The Outlook plugin's entry point; its extensions are found through PF4J's extension index, and made
 * here, each with the services this plugin instance keeps for its runtime.
 */
public class OutlookPlugin extends Plugin implements PluginExtensions {
  private OutlookServices services;

  @Override
  public synchronized <T> T create(Class<T> extensionClass, PluginEnvironment environment) {
    if (services == null) {
      services = OutlookServices.of(environment);
    }
    try {
      return extensionClass.getDeclaredConstructor(OutlookServices.class).newInstance(services);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(extensionClass.getName() + " must have a public constructor taking the "
          + "plugin's OutlookServices", e);
    }
  }
}
