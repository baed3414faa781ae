package dev.outlookflow.runtime.flows;

import dev.outlookflow.runtime.model.FlowDefinition;
import dev.outlookflow.runtime.model.FlowRecord;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import io.vertx.core.json.JsonObject;

/** Whether a flow uses a connection: chosen in a connection field of its trigger or of one of its steps. */
final class ConnectionUsers {
  private final ExtensionRegistry registry;

  ConnectionUsers(ExtensionRegistry registry) {
    this.registry = registry;
  }

  /** Whether the flow's trigger or any of its steps names the connection. */
  boolean uses(FlowRecord flow, String connectionId) {
    FlowDefinition definition = FlowDefinition.fromJson(flow.definition());
    boolean steps = definition.steps().stream().anyMatch(step -> registry.action(step.type())
        .map(action -> names(action.form(), step.properties(), connectionId)).orElse(false));
    return steps || triggerUses(flow, connectionId);
  }

  boolean triggerUses(FlowRecord flow, String connectionId) {
    FlowDefinition definition = FlowDefinition.fromJson(flow.definition());
    return registry.trigger(definition.trigger().type())
        .map(trigger -> names(trigger.form(), definition.trigger().properties(), connectionId))
        .orElse(false);
  }

  private static boolean names(Form form, JsonObject properties, String connectionId) {
    return form.fieldsOfType(FieldType.CONNECTION).stream()
        .anyMatch(f -> connectionId.equals(properties.getValue(f.name())));
  }
}
