package dev.outlookflow.plugin.api.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.Extension;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import java.util.List;

/**
 * A flow step. The runtime resolves the step's expressions, applies the form's defaults, validates the
 * result against the form, binds it to {@code P} and calls {@link #execute}. The returned {@code O} is
 * the step's output, which later steps reach as {@code {{steps.<id>.<path>}}}.
 */
public interface Action<P extends Record, O> extends Extension {

  @Override
  ActionDescriptor<P, O> descriptor();

  /**
   * Checks beyond the form's schema, e.g. fields that must agree; empty when all is well. Called at
   * design time with the values as entered: a field holding an expression is not resolved yet, which
   * is why this sees the values and not {@code P}.
   */
  default List<FieldError> validate(ObjectNode properties) {
    return List.of();
  }

  /**
   * Runs the step. Must not block the event loop: blocking work goes to {@link
   * dev.outlookflow.plugin.api.PluginEnvironment#workers()}. A failed future fails the step (and the
   * run) with its message; throw {@link dev.outlookflow.plugin.api.ExtensionException} for a coded
   * error.
   */
  Future<O> execute(ActionContext context, P properties);
}
