package dev.outlookflow.runtime.plugins;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.runtime.logs.LogSafe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the plugin zips of a folder, refusing (with a log line, and without stopping) any that is
 * corrupt, needs another runtime version or fails to start; registers the extensions of the rest.
 */
public final class PluginHost {
  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

  private final Path pluginsDir;
  private final RuntimePluginManager manager;

  /** {@code environment}: what extensions are made with, by plugins that make their own. */
  public PluginHost(Path pluginsDir, String systemVersion, PluginEnvironment environment) {
    this.pluginsDir = pluginsDir;
    this.manager = new RuntimePluginManager(pluginsDir, systemVersion, environment);
  }

  /** Blocking: call from a worker thread. */
  public PluginReport load(ExtensionRegistry registry) {
    List<PluginReport.Loaded> loaded = new ArrayList<>();
    List<PluginReport.Refused> refused = new ArrayList<>();
    for (Path zip : zips()) {
      String file = zip.getFileName().toString();
      String unreadable = zipProblem(zip);
      if (unreadable != null) {
        refuse(refused, file, unreadable);
        continue;
      }
      try {
        String id = manager.loadPlugin(zip);
        PluginWrapper plugin = manager.getPlugin(id);
        String problem = problemWith(plugin);
        if (problem == null) {
          manager.startPlugin(id);
          problem = plugin.getPluginState() == PluginState.STARTED
              ? null
              : "it failed to start: " + describe(plugin.getFailedException());
        }
        if (problem != null) {
          manager.unloadPlugin(id);
          refuse(refused, file, problem);
          continue;
        }
        try {
          register(registry, id);
        } catch (RuntimeException e) {
          manager.unloadPlugin(id);
          throw e;
        }
        loaded.add(new PluginReport.Loaded(id, plugin.getDescriptor().getVersion(), file));
        LOG.info("plugin {} {} loaded from {}", id, plugin.getDescriptor().getVersion(), file);
      } catch (RuntimeException e) {
        refuse(refused, file, describe(e));
      }
    }
    return new PluginReport(List.copyOf(loaded), List.copyOf(refused));
  }

  /** Checked before PF4J expands the zip, whose own errors do not say what is wrong with it. */
  private static String zipProblem(Path zip) {
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      return archive.getEntry("plugin.properties") == null
          ? "it has no plugin.properties at its root, so it is not a plugin zip"
          : null;
    } catch (IOException e) {
      return "it is not a readable zip archive (" + e.getMessage() + ")";
    }
  }

  private String problemWith(PluginWrapper plugin) {
    if (plugin.getPluginState() == PluginState.DISABLED) {
      String requires = plugin.getDescriptor().getRequires();
      if (!manager.getVersionManager().checkVersionConstraint(manager.getSystemVersion(), requires)) {
        return "it requires runtime version '" + requires + "' and this runtime is "
            + manager.getSystemVersion();
      }
      return "it is disabled";
    }
    if (plugin.getPluginState() == PluginState.FAILED) {
      return "it failed to load: " + describe(plugin.getFailedException());
    }
    return null;
  }

  private static void refuse(List<PluginReport.Refused> refused, String file, String reason) {
    LOG.error("plugin file {} refused: {}", LogSafe.text(file), LogSafe.text(reason));
    refused.add(new PluginReport.Refused(file, reason));
  }

  private static String describe(Throwable e) {
    if (e == null) {
      return "no reason given";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage();
    return root == e ? String.valueOf(message) : message + " (" + root + ")";
  }

  /** Every extension is made before any is registered: a plugin that cannot make one is refused whole. */
  private void register(ExtensionRegistry registry, String pluginId) {
    List<Action> actions = manager.getExtensions(Action.class, pluginId);
    List<Trigger> triggers = manager.getExtensions(Trigger.class, pluginId);
    List<ConnectionType> connectionTypes = manager.getExtensions(ConnectionType.class, pluginId);
    actions.forEach(a -> registry.addAction(pluginId, a));
    triggers.forEach(t -> registry.addTrigger(pluginId, t));
    connectionTypes.forEach(c -> registry.addConnectionType(pluginId, c));
  }

  private List<Path> zips() {
    if (!Files.isDirectory(pluginsDir)) {
      LOG.warn("plugins folder {} does not exist: no plugin loaded", pluginsDir);
      return List.of();
    }
    try (Stream<Path> files = Files.list(pluginsDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
    } catch (IOException e) {
      LOG.error("plugins folder {} cannot be read: {}", pluginsDir, e.toString());
      return List.of();
    }
  }

  /** Stops plugins one at a time, newest first: PF4J 3.15.0's stopPlugins() throws. */
  public void stop() {
    List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
    for (int i = started.size() - 1; i >= 0; i--) {
      String id = started.get(i).getPluginId();
      try {
        manager.stopPlugin(id);
      } catch (RuntimeException e) {
        LOG.warn("plugin {} did not stop cleanly: {}", id, LogSafe.text(e.toString()));
      }
    }
  }
}
