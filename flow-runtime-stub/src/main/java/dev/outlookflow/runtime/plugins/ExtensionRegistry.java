package dev.outlookflow.runtime.plugins;

import dev.outlookflow.plugin.api.Extension;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.plugin.api.trigger.Trigger;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every loaded extension by full id. Filled at start, read-only afterwards. */
public final class ExtensionRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ExtensionRegistry.class);
  private static final Pattern LOCAL_ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  private final Map<String, Registered<Action>> actions = new LinkedHashMap<>();
  private final Map<String, Registered<Trigger>> triggers = new LinkedHashMap<>();
  private final Map<String, Registered<ConnectionType>> connectionTypes = new LinkedHashMap<>();

  public void addAction(String plugin, Action action) {
    add(actions, plugin, action);
  }

  public void addTrigger(String plugin, Trigger trigger) {
    add(triggers, plugin, trigger);
  }

  /** A trigger the runtime itself provides, under a bare id such as {@code manual}. */
  public void addBuiltInTrigger(Trigger trigger) {
    triggers.put(trigger.id(), new Registered<>(trigger.id(), "runtime", trigger));
  }

  public void addConnectionType(String plugin, ConnectionType type) {
    add(connectionTypes, plugin, type);
  }

  private static <T extends Extension> void add(Map<String, Registered<T>> into, String plugin, T extension) {
    String localId = extension.id();
    if (localId == null || !LOCAL_ID.matcher(localId).matches()) {
      LOG.error("plugin {}: extension {} refused: its id '{}' must be lower-case letters, digits and dashes",
          plugin, extension.getClass().getName(), localId);
      return;
    }
    String id = plugin + "/" + localId;
    if (into.containsKey(id)) {
      LOG.error("plugin {}: extension {} refused: id {} is already taken", plugin,
          extension.getClass().getName(), id);
      return;
    }
    into.put(id, new Registered<>(id, plugin, extension));
  }

  public Optional<Registered<Action>> action(String id) {
    return Optional.ofNullable(actions.get(id));
  }

  public Optional<Registered<Trigger>> trigger(String id) {
    return Optional.ofNullable(triggers.get(id));
  }

  public Optional<Registered<ConnectionType>> connectionType(String id) {
    return Optional.ofNullable(connectionTypes.get(id));
  }

  public Collection<Registered<Action>> actions() {
    return Collections.unmodifiableCollection(actions.values());
  }

  public Collection<Registered<Trigger>> triggers() {
    return Collections.unmodifiableCollection(triggers.values());
  }

  public Collection<Registered<ConnectionType>> connectionTypes() {
    return Collections.unmodifiableCollection(connectionTypes.values());
  }
}
