package dev.outlookflow.uischema.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.outlookflow.uischema.expression.ExpressionScope;
import dev.outlookflow.uischema.expression.ExpressionSyntaxException;
import dev.outlookflow.uischema.expression.Path;
import dev.outlookflow.uischema.expression.Template;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.Form;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates property values against a form. At design time, a field that accepts expressions and
 * holds one is checked for syntax and known roots only, since its value is not known yet; at run
 * time the resolved values are checked against the whole schema.
 */
public final class FormValidator {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private final Form form;
  private final JsonSchema schema;

  public FormValidator(Form form) {
    this.form = form;
    this.schema = FACTORY.getSchema(form.schema(), CONFIG);
  }

  /** Run-time check of resolved values. */
  public List<FieldError> validate(JsonNode values) {
    if (!values.isObject()) {
      return List.of(new FieldError("", "properties must be a JSON object"));
    }
    return sorted(schemaErrors(values, Set.of()));
  }

  /** Design-time check: expressions are checked against {@code scope} instead of the schema. */
  public List<FieldError> validateDesign(JsonNode values, ExpressionScope scope) {
    if (!values.isObject()) {
      return List.of(new FieldError("", "properties must be a JSON object"));
    }
    List<FieldError> errors = new ArrayList<>();
    ObjectNode literalValues = ((ObjectNode) values).deepCopy();
    Set<String> bound = new HashSet<>();
    for (FieldDefinition field : form.fields()) {
      JsonNode value = values.get(field.name());
      if (value == null || !containsExpression(value)) {
        continue;
      }
      if (field.expressions()) {
        bound.add(field.name());
        literalValues.remove(field.name());
        checkExpressions(field.name(), value, scope, errors);
      } else {
        // Taken literally, "{{...}}" would reach the service as typed: the designer meant an expression.
        bound.add(field.name());
        errors.add(new FieldError(field.name(), "this field takes no expressions: type its value itself (a "
            + "{{...}} here would be sent as typed)"));
      }
    }
    errors.addAll(schemaErrors(literalValues, bound));
    return sorted(errors);
  }

  private List<FieldError> schemaErrors(JsonNode values, Set<String> boundFields) {
    List<FieldError> errors = new ArrayList<>();
    schema.validate(values).stream()
        .map(message -> SchemaErrors.toFieldError(form, message))
        .filter(error -> !boundFields.contains(error.field()))
        .distinct()
        .forEach(errors::add);
    return errors;
  }

  private static boolean containsExpression(JsonNode value) {
    if (value.isTextual()) {
      return Template.mayContainExpression(value.textValue());
    }
    for (JsonNode member : value) {
      if (containsExpression(member)) {
        return true;
      }
    }
    return false;
  }

  private static void checkExpressions(
      String field, JsonNode value, ExpressionScope scope, List<FieldError> errors) {
    if (value.isTextual()) {
      try {
        for (Path path : Template.parse(value.textValue()).paths()) {
          Optional<String> problem = scope.problemWith(path);
          problem.ifPresent(p -> errors.add(new FieldError(field, "{{" + path + "}}: " + p)));
        }
      } catch (ExpressionSyntaxException e) {
        errors.add(new FieldError(field, e.getMessage()));
      }
      return;
    }
    for (JsonNode member : value) {
      checkExpressions(field, member, scope, errors);
    }
  }

  private static List<FieldError> sorted(List<FieldError> errors) {
    return errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
  }
}
