package dev.outlookflow.runtime.engine;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.runtime.failures.Causes;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.uischema.expression.UnresolvedExpressionException;
import dev.outlookflow.uischema.expression.ValueTooLargeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** How a step's failure is recorded: {@code {"code", "message", "fields"?}}. */
final class StepErrors {
  private StepErrors() {}

  static JsonObject of(Throwable failure) {
    if (failure instanceof ExtensionException e) {
      JsonObject error = error(e.code(), e.getMessage());
      return e.upstreamRequestId() == null ? error : error.put("upstreamRequestId", e.upstreamRequestId());
    }
    if (failure instanceof ValueTooLargeException e) {
      return error("input_too_large", e.getMessage())
          .put("fields", new JsonArray().add(new JsonObject().put("field", e.where()).put("message", e.getMessage())));
    }
    if (Causes.find(failure, OutOfMemoryError.class).isPresent()) {
      return error("runtime_error", "the runtime ran out of memory running this step: make the data it handles "
          + "smaller, or give the runtime more memory");
    }
    if (failure instanceof StackOverflowError) {
      return error("runtime_error", "the data this step handles is nested too deeply for the runtime");
    }
    if (failure instanceof Error) {
      return error("runtime_error", "the runtime failed running this step: " + failure);
    }
    if (failure instanceof UnresolvedExpressionException e) {
      return error("unresolved_expression", e.getMessage());
    }
    if (failure instanceof Problem p) {
      JsonArray fields = new JsonArray();
      p.fields().forEach(f -> fields.add(new JsonObject().put("field", f.field()).put("message", f.message())));
      return error("invalid_properties", p.getMessage()).put("fields", fields);
    }
    String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
    return error("step_failed", message);
  }

  /** Why a run, and the step it stopped, ended cancelled. */
  static JsonObject cancelled() {
    return error("cancelled", "the run was cancelled on request (POST /api/v1/runs/{id}/cancel) before it finished");
  }

  static JsonObject error(String code, String message) {
    return new JsonObject().put("code", code).put("message", message);
  }
}
