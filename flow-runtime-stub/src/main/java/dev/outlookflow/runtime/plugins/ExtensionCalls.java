package dev.outlookflow.runtime.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.uischema.binding.RecordBinding;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import java.util.List;

/**
 * Calls extensions with their values bound to their records ({@link RecordBinding}), and takes what
 * they produce back as a tree. The values were validated against the form first: one that still does
 * not bind is the extension's defect (a record that disagrees with its own form), and fails the call.
 */
public final class ExtensionCalls {
  private ExtensionCalls() {}

  /** The action's output as a tree; a null output is an empty object. */
  public static Future<JsonNode> execute(Action<?, ?> action, ActionContext context, ObjectNode input) {
    return typedExecute(action, context, input);
  }

  private static <P extends Record, O> Future<JsonNode> typedExecute(Action<P, O> action, ActionContext context,
      ObjectNode input) {
    P properties = RecordBinding.bind(input, action.descriptor().properties());
    Future<O> result = action.execute(context, properties);
    if (result == null) {
      return Future.failedFuture(action.descriptor().id() + " returned no result");
    }
    return result.map(output -> output == null ? input.objectNode() : RecordBinding.tree(output));
  }

  public static List<FieldError> validate(Trigger<?, ?> trigger, ObjectNode properties) {
    return typedValidate(trigger, properties);
  }

  private static <P extends Record, E> List<FieldError> typedValidate(Trigger<P, E> trigger, ObjectNode properties) {
    return trigger.validate(RecordBinding.bind(properties, trigger.descriptor().properties()));
  }

  /** {@code context} takes any event its trigger emits: the runtime writes each with Jackson. */
  public static Future<TriggerHandle> start(Trigger<?, ?> trigger, TriggerContext<Object> context,
      ObjectNode properties) {
    return typedStart(trigger, context, properties);
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record, E> Future<TriggerHandle> typedStart(Trigger<P, E> trigger,
      TriggerContext<Object> context, ObjectNode properties) {
    // Safe: a TriggerContext<Object> accepts every E.
    TriggerContext<E> typed = (TriggerContext<E>) (TriggerContext<?>) context;
    return trigger.start(typed, RecordBinding.bind(properties, trigger.descriptor().properties()));
  }

  public static Future<Void> delete(Trigger<?, ?> trigger, TriggerContext<Object> context, ObjectNode properties) {
    return typedDelete(trigger, context, properties);
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record, E> Future<Void> typedDelete(Trigger<P, E> trigger,
      TriggerContext<Object> context, ObjectNode properties) {
    TriggerContext<E> typed = (TriggerContext<E>) (TriggerContext<?>) context;
    return trigger.delete(typed, RecordBinding.bind(properties, trigger.descriptor().properties()));
  }

  public static List<FieldError> validate(ConnectionType<?> type, ObjectNode properties) {
    return typedValidate(type, properties);
  }

  private static <C extends Record> List<FieldError> typedValidate(ConnectionType<C> type, ObjectNode properties) {
    return type.validate(RecordBinding.bind(properties, type.descriptor().properties()));
  }

  public static boolean needsInteractiveSignIn(ConnectionType<?> type, ObjectNode properties) {
    return typedNeedsSignIn(type, properties);
  }

  private static <C extends Record> boolean typedNeedsSignIn(ConnectionType<C> type, ObjectNode properties) {
    return type.needsInteractiveSignIn(RecordBinding.bind(properties, type.descriptor().properties()));
  }
}
