package dev.outlookflow.runtime.flows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.Extension;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.runtime.model.FlowDefinition;
import dev.outlookflow.runtime.plugins.ExtensionCalls;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.Registered;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.problem.Validators;
import dev.outlookflow.uischema.expression.ExpressionScope;
import dev.outlookflow.uischema.expression.Template;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a flow as the API receives it against the loaded extensions' forms, at design time:
 * expressions for syntax and for paths their producers' output schemas have, literal values against
 * the schema, connections for existence and type. Reports every problem at once, each on its field.
 */
public final class FlowValidator {
  static final Pattern STEP_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  private static final Set<String> FLOW_KEYS = Set.of("name", "trigger", "steps");
  private static final Set<String> TRIGGER_KEYS = Set.of("type", "properties");
  private static final Set<String> STEP_KEYS = Set.of("id", "type", "properties");
  private static final int MAX_NAME = 200;
  private static final int MAX_STEPS = 100;

  private final ExtensionRegistry registry;
  private final ConnectionService connections;
  private final Validators validators;

  public FlowValidator(ExtensionRegistry registry, ConnectionService connections, Validators validators) {
    this.registry = registry;
    this.connections = connections;
    this.validators = validators;
  }

  public Future<FlowDefinition> validate(String workspaceId, JsonObject body) {
    List<FieldError> errors = new ArrayList<>();
    unknownKeys(body, FLOW_KEYS, "", errors);
    String name = name(body, errors);
    FlowDefinition.TriggerSpec trigger = trigger(body.getValue("trigger"), errors);
    ObjectNode event = trigger == null ? FlowScope.UNKNOWN
        : registry.trigger(trigger.type()).flatMap(Registered::output).orElse(FlowScope.UNKNOWN);
    List<FlowDefinition.StepSpec> steps = steps(body.getValue("steps"), event, errors);
    if (!errors.isEmpty()) {
      return Future.failedFuture(Problem.invalid("the flow is not valid", errors));
    }
    FlowDefinition flow = new FlowDefinition(name, trigger, steps);
    return checkConnections(workspaceId, flow).map(flow);
  }

  private static String name(JsonObject body, List<FieldError> errors) {
    if (body.getValue("name") instanceof String name && !name.isBlank() && name.length() <= MAX_NAME
        && name.chars().noneMatch(Character::isISOControl)) {
      return name.strip();
    }
    errors.add(new FieldError("name", "name is required: text of 1 to " + MAX_NAME + " characters, no control characters"));
    return null;
  }

  private FlowDefinition.TriggerSpec trigger(Object value, List<FieldError> errors) {
    if (!(value instanceof JsonObject trigger)) {
      errors.add(new FieldError("trigger", "trigger is required: {\"type\": ..., \"properties\": {...}}"));
      return null;
    }
    unknownKeys(trigger, TRIGGER_KEYS, "trigger", errors);
    Optional<Registered<Trigger<?, ?>>> type =
        known(trigger.getValue("type"), "trigger.type", "trigger", registry.triggers(), errors);
    JsonObject properties = properties(trigger.getValue("properties"), "trigger.properties", errors);
    if (type.isPresent() && properties != null) {
      ObjectNode values = JsonBridge.tree(properties);
      check(type.get(), values, FlowScope.forTrigger(), "trigger.properties", errors,
          // Trigger properties take no expressions: well-formed ones bind to the trigger's record.
          () -> ExtensionCalls.validate(type.get().extension(), type.get().form().withDefaults(values)));
    }
    return type.isPresent() && properties != null
        ? new FlowDefinition.TriggerSpec(type.get().id(), properties)
        : null;
  }

  private List<FlowDefinition.StepSpec> steps(Object value, ObjectNode event, List<FieldError> errors) {
    if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_STEPS) {
      errors.add(new FieldError("steps", "steps is required: a list of 1 to " + MAX_STEPS + " steps"));
      return List.of();
    }
    List<FlowDefinition.StepSpec> steps = new ArrayList<>();
    Map<String, ObjectNode> earlier = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "steps[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject step)) {
        errors.add(new FieldError(at, "a step is an object: {\"id\", \"type\", \"properties\"}"));
        continue;
      }
      unknownKeys(step, STEP_KEYS, at, errors);
      String id = stepId(step.getValue("id"), at + ".id", earlier.keySet(), errors);
      Optional<Registered<Action<?, ?>>> type =
          known(step.getValue("type"), at + ".type", "action", registry.actions(), errors);
      JsonObject properties = properties(step.getValue("properties"), at + ".properties", errors);
      if (type.isPresent() && properties != null) {
        ObjectNode values = JsonBridge.tree(properties);
        check(type.get(), values, new FlowScope(event, earlier), at + ".properties", errors,
            () -> type.get().extension().validate(values));
        noLiteralSecrets(type.get().form(), properties, at + ".properties", errors);
        steps.add(new FlowDefinition.StepSpec(id, type.get().id(), properties));
      }
      if (id != null) {
        earlier.put(id, type.flatMap(Registered::output).orElse(FlowScope.UNKNOWN));
      }
    }
    return steps;
  }

  /**
   * Flows are read by every designer of the workspace and copied into run records, so a secret typed
   * into one would be exposed; secrets live in connections, or arrive through an expression.
   */
  private static void noLiteralSecrets(Form form, JsonObject properties, String prefix, List<FieldError> errors) {
    for (FieldDefinition field : form.fieldsOfType(FieldType.SECRET)) {
      if (properties.getValue(field.name()) instanceof String value && !Template.mayContainExpression(value)) {
        errors.add(new FieldError(prefix + "." + field.name(), "a secret cannot be typed into a flow, where every "
            + "designer can read it: keep it in a connection, or bind it with an expression such as {{trigger.token}}"));
      }
    }
  }

  private static String stepId(Object value, String field, Collection<String> earlier, List<FieldError> errors) {
    if (!(value instanceof String id) || !STEP_ID.matcher(id).matches()) {
      errors.add(new FieldError(field,
          "a step id is required: a letter, then up to 63 letters, digits, '_' or '-'"));
      return null;
    }
    if (earlier.contains(id)) {
      errors.add(new FieldError(field, "step id '" + id + "' is used by an earlier step"));
      return null;
    }
    return id;
  }

  private static <T extends Extension> Optional<Registered<T>> known(
      Object value, String field, String kind, Collection<Registered<T>> loaded, List<FieldError> errors) {
    if (!(value instanceof String id) || id.isBlank()) {
      errors.add(new FieldError(field, field + " is required: an " + kind + " id from GET /api/v1/catalog"));
      return Optional.empty();
    }
    Optional<Registered<T>> found = loaded.stream().filter(r -> r.id().equals(id)).findFirst();
    if (found.isEmpty()) {
      errors.add(new FieldError(field, "unknown " + kind + " '" + id + "'; loaded: "
          + loaded.stream().map(Registered::id).collect(Collectors.joining(", "))));
    }
    return found;
  }

  private static JsonObject properties(Object value, String field, List<FieldError> errors) {
    if (value == null) {
      return new JsonObject();
    }
    if (value instanceof JsonObject properties) {
      return properties;
    }
    errors.add(new FieldError(field, "properties must be a JSON object"));
    return null;
  }

  /** The form's design-time checks, then, if they pass, the extension's own {@code rules}. */
  private void check(Registered<? extends Extension> type, ObjectNode values, ExpressionScope scope,
      String prefix, List<FieldError> errors, Supplier<List<FieldError>> rules) {
    List<FieldError> found = validators.of(type.form()).validateDesign(values, scope);
    if (found.isEmpty()) {
      found = rules.get();
    }
    found.forEach(e -> errors.add(e.under(prefix)));
  }

  private static void unknownKeys(JsonObject object, Set<String> allowed, String at, List<FieldError> errors) {
    for (String key : object.fieldNames()) {
      if (!allowed.contains(key)) {
        errors.add(new FieldError(at.isEmpty() ? key : at + "." + key,
            "unknown property; allowed here: " + allowed.stream().sorted().collect(Collectors.joining(", "))));
      }
    }
  }

  private Future<Void> checkConnections(String workspaceId, FlowDefinition flow) {
    List<Future<?>> checks = new ArrayList<>();
    checks.add(connectionCheck(workspaceId, registry.trigger(flow.trigger().type()).orElseThrow().form(),
        flow.trigger().properties(), "trigger.properties"));
    for (int i = 0; i < flow.steps().size(); i++) {
      FlowDefinition.StepSpec step = flow.steps().get(i);
      checks.add(connectionCheck(workspaceId, registry.action(step.type()).orElseThrow().form(),
          step.properties(), "steps[" + i + "].properties"));
    }
    return Future.join(checks).transform(done -> {
      List<FieldError> errors = new ArrayList<>();
      for (Future<?> check : checks) {
        if (check.failed() && check.cause() instanceof Problem problem) {
          problem.fields().forEach(e -> errors.add(e));
        } else if (check.failed()) {
          return Future.failedFuture(check.cause());
        }
      }
      return errors.isEmpty()
          ? Future.succeededFuture()
          : Future.failedFuture(Problem.invalid("the flow is not valid", errors));
    });
  }

  private Future<Void> connectionCheck(String workspaceId, Form form, JsonObject properties, String prefix) {
    return connections.chosen(workspaceId, form, properties)
        .<Void>mapEmpty()
        .recover(e -> e instanceof Problem problem
            ? Future.failedFuture(Problem.invalid(problem.getMessage(),
                problem.fields().stream().map(f -> f.under(prefix)).toList()))
            : Future.failedFuture(e));
  }
}
