package dev.outlookflow.runtime.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.Extension;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.output.OutputSchema;
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

  private final Map<String, Registered<Action<?, ?>>> actions = new LinkedHashMap<>();
  private final Map<String, Registered<Trigger<?, ?>>> triggers = new LinkedHashMap<>();
  private final Map<String, Registered<ConnectionType<?>>> connectionTypes = new LinkedHashMap<>();

  public void addAction(String plugin, Action<?, ?> action) {
    add(actions, plugin, plugin + "/", action, action.descriptor().output());
  }

  public void addTrigger(String plugin, Trigger<?, ?> trigger) {
    add(triggers, plugin, plugin + "/", trigger, trigger.descriptor().event());
  }

  /** A trigger the runtime itself provides, under a bare id such as {@code manual}. */
  public void addBuiltInTrigger(Trigger<?, ?> trigger) {
    add(triggers, "runtime", "", trigger, trigger.descriptor().event());
  }

  public void addConnectionType(String plugin, ConnectionType<?> type) {
    add(connectionTypes, plugin, plugin + "/", type, null);
  }

  /**
   * An extension whose records cannot make a form or an output schema (a component without its
   * annotation, say) is refused with the reason, like one with a malformed id: the others still load.
   */
  private static <T extends Extension> void add(Map<String, Registered<T>> into, String plugin, String prefix,
      T extension, Class<?> output) {
    String localId = extension.descriptor().id();
    if (localId == null || !LOCAL_ID.matcher(localId).matches()) {
      LOG.error("plugin {}: extension {} refused: its id '{}' must be lower-case letters, digits and dashes",
          plugin, extension.getClass().getName(), localId);
      return;
    }
    String id = prefix + localId;
    if (into.containsKey(id)) {
      LOG.error("plugin {}: extension {} refused: id {} is already taken", plugin,
          extension.getClass().getName(), id);
      return;
    }
    Form form;
    Optional<ObjectNode> schema;
    try {
      form = Form.of(extension.descriptor().properties());
      schema = output == null ? Optional.empty() : Optional.of(objectSchema(output));
    } catch (RuntimeException e) {
      LOG.error("plugin {}: extension {} refused: {}", plugin, id, e.getMessage());
      return;
    }
    into.put(id, new Registered<>(id, plugin, extension, form, schema));
  }

  /** Outputs and events are what {@code {{steps.<id>}}} and {@code {{trigger}}} hold: JSON objects. */
  private static ObjectNode objectSchema(Class<?> output) {
    ObjectNode schema = OutputSchema.of(output);
    if (!"object".equals(schema.path("type").asText())) {
      throw new IllegalArgumentException("its output type " + output.getName() + " is not written as a JSON object "
          + "(a record, or a Jackson ObjectNode for free-form output)");
    }
    return schema;
  }

  public Optional<Registered<Action<?, ?>>> action(String id) {
    return Optional.ofNullable(actions.get(id));
  }

  public Optional<Registered<Trigger<?, ?>>> trigger(String id) {
    return Optional.ofNullable(triggers.get(id));
  }

  public Optional<Registered<ConnectionType<?>>> connectionType(String id) {
    return Optional.ofNullable(connectionTypes.get(id));
  }

  public Collection<Registered<Action<?, ?>>> actions() {
    return Collections.unmodifiableCollection(actions.values());
  }

  public Collection<Registered<Trigger<?, ?>>> triggers() {
    return Collections.unmodifiableCollection(triggers.values());
  }

  public Collection<Registered<ConnectionType<?>>> connectionTypes() {
    return Collections.unmodifiableCollection(connectionTypes.values());
  }
}
