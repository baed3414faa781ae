package dev.outlookflow.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.runtime.JsonBridge;
import dev.outlookflow.runtime.JsonLimits;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.problem.Validators;
import dev.outlookflow.uischema.expression.SizeBudget;
import dev.outlookflow.uischema.expression.TemplateResolver;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Turns a step's stored properties into the input its action gets: expressions resolved (only in
 * fields that accept them, counting what they grow to: a field past its form's {@code maxLength}, or an
 * input past {@link #MAX_INPUT_CHARACTERS}, is refused before it is built), defaults applied, the result
 * validated against the form.
 */
final class StepInputs {
  /**
   * The most a step's input may take, as JSON: as much as one JSON string may hold, room for a 35 MB
   * attachment as base64 (47 million characters) beside a mail body.
   */
  static final long MAX_INPUT_CHARACTERS = JsonLimits.MAX_STRING_LENGTH;

  private final Validators validators;

  StepInputs(Validators validators) {
    this.validators = validators;
  }

  JsonObject resolve(Form form, JsonObject properties, JsonNode bindings) {
    ObjectNode values = JsonBridge.tree(properties);
    TemplateResolver resolver = new TemplateResolver(bindings);
    SizeBudget budget = new SizeBudget(MAX_INPUT_CHARACTERS, "the limit of a step's whole input");
    for (FieldDefinition field : form.fields()) {
      JsonNode value = values.get(field.name());
      if (field.expressions() && value != null) {
        long maxLength = field.maxLength() == null ? Long.MAX_VALUE : field.maxLength();
        values.set(field.name(), resolver.resolve(field.name(), value, maxLength, budget));
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
