package dev.outlookflow.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.runtime.json.JsonLimits;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.problem.Validators;
import dev.outlookflow.uischema.expression.SizeBudget;
import dev.outlookflow.uischema.expression.TemplateResolver;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Turns a step's stored properties into the input its action gets: expressions resolved (only in
 * fields that accept them, counting what they grow to: a field past its form's {@code maxLength}, or an
 * input past {@link #MAX_INPUT_CHARACTERS}, is refused before it is built), defaults applied, the result
 * validated against the form. The result is a tree the action's record is bound from.
 */
final class StepInputs {
  /**
   * The most a step's input may take, as JSON: as much as one JSON string may hold, room for a 35 MB
   * attachment as base64 (47 million characters) beside a mail body.
   */
  static final long MAX_INPUT_CHARACTERS = JsonLimits.MAX_STRING_LENGTH;
  /** Half the nesting the runtime reads back: room for an action's output to wrap its input. */
  static final int MAX_INPUT_NESTING = JsonLimits.MAX_NESTING / 2;

  private final Validators validators;

  StepInputs(Validators validators) {
    this.validators = validators;
  }

  ObjectNode resolve(Form form, JsonObject properties, JsonNode bindings) {
    ObjectNode values = JsonBridge.tree(properties);
    TemplateResolver resolver = new TemplateResolver(bindings);
    SizeBudget budget = SizeBudget.shared(MAX_INPUT_CHARACTERS, "the limit of a step's whole input");
    for (FieldDefinition field : form.fields()) {
      JsonNode value = values.get(field.name());
      if (field.expressions() && value != null) {
        long maxLength = field.maxLength() == null ? Long.MAX_VALUE : field.maxLength();
        JsonNode resolved = resolver.resolve(field.name(), value, maxLength, budget);
        refuseDeeperThanAllowed(field.name(), resolved);
        values.set(field.name(), resolved);
      }
    }
    ObjectNode input = form.withDefaults(values);
    List<FieldError> errors = validators.of(form).validate(input);
    if (!errors.isEmpty()) {
      throw Problem.invalid("the step's properties are not valid once expressions are resolved", errors);
    }
    return input;
  }

  /**
   * A bound value nested inside a field's own nesting goes deeper with each step that passes it on;
   * past {@link #MAX_INPUT_NESTING} the runtime could not read back what it stores (JSON nesting is
   * capped at {@link JsonLimits#MAX_NESTING}), so the step is refused before it runs.
   */
  private static void refuseDeeperThanAllowed(String field, JsonNode value) {
    int depth = depth(value);
    if (depth > MAX_INPUT_NESTING) {
      throw Problem.invalid(field, "'" + field + "' nests " + depth + " levels deep once its expressions are resolved, "
          + "over the " + MAX_INPUT_NESTING + " a step's input may: bind a flatter value");
    }
  }

  /** With a stack of its own: the value may be deeper than a thread's stack allows for recursion. */
  private static int depth(JsonNode value) {
    int deepest = 0;
    Deque<Map.Entry<JsonNode, Integer>> pending = new ArrayDeque<>();
    pending.push(Map.entry(value, 1));
    while (!pending.isEmpty()) {
      Map.Entry<JsonNode, Integer> next = pending.pop();
      if (next.getKey().isContainerNode()) {
        deepest = Math.max(deepest, next.getValue());
        next.getKey().forEach(child -> pending.push(Map.entry(child, next.getValue() + 1)));
      }
    }
    return deepest;
  }
}
