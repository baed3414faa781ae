package dev.outlookflow.plugin.api.trigger;

import dev.outlookflow.plugin.api.Extension;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import java.util.List;

/** Starts flow runs when something happens. One started instance per enabled flow. */
public interface Trigger<P extends Record, E> extends Extension {

  @Override
  TriggerDescriptor<P, E> descriptor();

  /**
   * Checks beyond the form's schema, e.g. a cron expression's syntax; empty when all is well. Trigger
   * properties take no expressions, so they are checked bound.
   */
  default List<FieldError> validate(P properties) {
    return List.of();
  }

  /** Starts listening for the flow; must not block. Called at enable and at every runtime start. */
  Future<TriggerHandle> start(TriggerContext<E> context, P properties);

  /**
   * Removes what the trigger created remotely (e.g. a webhook subscription), using the durable state it
   * recorded in {@code context.state()}. Called after a stop whose reason {@link StopReason#endsForGood() ends
   * the trigger for good} (the flow deleted or given another trigger, its connection disconnected or deleted),
   * also when no started instance exists; the runtime then clears that state.
   */
  default Future<Void> delete(TriggerContext<E> context, P properties) {
    return Future.succeededFuture();
  }
}
