package dev.outlookflow.runtime.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.uischema.binding.BindingException;
import dev.outlookflow.uischema.binding.RecordBinding;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import java.util.List;

/**
 * Calls extensions with their values bound to their records ({@link RecordBinding}). Values that
 * passed the form's schema and still do not bind (a number past an {@code int}) are refused naming the
 * field: at save time as a field error, at run time as the step's failure.
 */
public final class ExtensionCalls {
  private ExtensionCalls() {}

  /** An action with its input bound, to be called once its connection is open. */
  @FunctionalInterface
  public interface BoundAction {
    /** The action's output as it returned it (a record, usually); null when it returned none. */
    Future<Object> execute(ActionContext context);
  }

  /** Binds {@code input}: work proportional to the input, for the payload workers, not an event loop. */
  public static BoundAction bind(Action<?, ?> action, ObjectNode input) {
    return typedBind(action, input);
  }

  private static <P extends Record, O> BoundAction typedBind(Action<P, O> action, ObjectNode input) {
    P properties = RecordBinding.bind(input, action.descriptor().properties());
    return context -> {
      Future<O> result = action.execute(context, properties);
      return result == null
          ? Future.failedFuture(action.descriptor().id() + " returned no result")
          : result.map(output -> (Object) output);
    };
  }

  /** The trigger's own rules on its bound properties; values that do not bind are named as the field's error. */
  public static List<FieldError> validate(Trigger<?, ?> trigger, ObjectNode properties) {
    try {
      return typedValidate(trigger, properties);
    } catch (BindingException e) {
      return List.of(new FieldError(e.field(), e.getMessage()));
    }
  }

  private static <P extends Record, E> List<FieldError> typedValidate(Trigger<P, E> trigger, ObjectNode properties) {
    return trigger.validate(RecordBinding.bind(properties, trigger.descriptor().properties()));
  }

  /** {@code context} takes any event its trigger emits: the runtime writes each with Jackson. */
  public static Future<TriggerHandle> start(Trigger<?, ?> trigger, TriggerContext<Object> context,
      ObjectNode properties) {
    try {
      return typedStart(trigger, context, properties);
    } catch (BindingException e) {
      return Future.failedFuture(e);
    }
  }

  private static <P extends Record, E> Future<TriggerHandle> typedStart(Trigger<P, E> trigger,
      TriggerContext<Object> context, ObjectNode properties) {
    return trigger.start(asContextOf(context), RecordBinding.bind(properties, trigger.descriptor().properties()));
  }

  public static Future<Void> delete(Trigger<?, ?> trigger, TriggerContext<Object> context, ObjectNode properties) {
    try {
      return typedDelete(trigger, context, properties);
    } catch (BindingException e) {
      return Future.failedFuture(e);
    }
  }

  private static <P extends Record, E> Future<Void> typedDelete(Trigger<P, E> trigger,
      TriggerContext<Object> context, ObjectNode properties) {
    return trigger.delete(asContextOf(context), RecordBinding.bind(properties, trigger.descriptor().properties()));
  }

  /** Safe: a {@code TriggerContext<Object>} accepts every {@code E}. */
  @SuppressWarnings("unchecked")
  private static <E> TriggerContext<E> asContextOf(TriggerContext<Object> context) {
    return (TriggerContext<E>) (TriggerContext<?>) context;
  }

  /** The type's own rules on its bound properties; values that do not bind are named as the field's error. */
  public static List<FieldError> validate(ConnectionType<?> type, ObjectNode properties) {
    try {
      return typedValidate(type, properties);
    } catch (BindingException e) {
      return List.of(new FieldError(e.field(), e.getMessage()));
    }
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
