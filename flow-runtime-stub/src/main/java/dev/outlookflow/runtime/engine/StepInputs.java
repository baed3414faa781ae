package dev.outlookflow.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.runtime.JsonBridge;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.problem.Validators;
import dev.outlookflow.uischema.expression.TemplateResolver;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Turns a step's stored properties into the input its action gets: expressions resolved (only in
 * fields that accept them), defaults applied, the result validated against the form.
 */
final class StepInputs {
  private final Validators validators;

  StepInputs(Validators validators) {
    this.validators = validators;
  }

  JsonObject resolve(Form form, JsonObject properties, JsonNode bindings) {
    ObjectNode values = JsonBridge.tree(properties);
    TemplateResolver resolver = new TemplateResolver(bindings);
    for (FieldDefinition field : form.fields()) {
      JsonNode value = values.get(field.name());
      if (field.expressions() && value != null) {
        values.set(field.name(), resolver.resolve(value));
      }
    }
    ObjectNode input = form.withDefaults(values);
    List<FieldError> errors = validators.of(form).validate(input);
    if (!errors.isEmpty()) {
      throw Problem.invalid("the step's properties are not valid once expressions are resolved", errors);
    }
    return JsonBridge.object(input);
  }
}
