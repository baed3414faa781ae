package dev.outlookflow.plugin.api.action;

import dev.outlookflow.plugin.api.Descriptor;

/**
 * An action, declared once: its identity, its properties' record, its output's record (whose JSON
 * Schema the catalog publishes, and against which the runtime checks {@code {{steps.<id>.<path>}}} at
 * save), and whether the runtime may re-invoke it after a crash.
 *
 * @param supportsRecovery whether the runtime may re-invoke the action, with {@link
 *     ActionContext#recovering()} true, when a crash interrupted it; an action that does not is marked
 *     {@code interrupted} after a crash and never re-run blindly
 */
public record ActionDescriptor<P extends Record, O>(
    String id, String name, String description, Class<P> properties, Class<O> output, boolean supportsRecovery)
    implements Descriptor {

  /** An action the runtime never re-invokes after a crash; see {@link #recoverable()}. */
  public static <P extends Record, O> ActionDescriptor<P, O> of(
      String id, String name, String description, Class<P> properties, Class<O> output) {
    return new ActionDescriptor<>(id, name, description, properties, output, false);
  }

  /** The same action, re-invoked after a crash with what it recorded in its {@link StepState}. */
  public ActionDescriptor<P, O> recoverable() {
    return new ActionDescriptor<>(id, name, description, properties, output, true);
  }
}
