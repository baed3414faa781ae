package dev.outlookflow.runtime.flows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.uischema.expression.ExpressionScope;
import dev.outlookflow.uischema.expression.Path;
import dev.outlookflow.uischema.output.OutputPaths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a step's expressions may refer to: the trigger's event and the outputs of the steps before it,
 * each path checked against its producer's output schema.
 */
final class FlowScope implements ExpressionScope {
  /** The schema of a producer whose output is unknown (its extension is not loaded): anything goes. */
  static final ObjectNode UNKNOWN = JsonNodeFactory.instance.objectNode();

  private final ObjectNode triggerEvent;
  private final Map<String, ObjectNode> earlierSteps;

  /** {@code earlierSteps}: the output schema of each step before this one, by step id, in flow order. */
  FlowScope(ObjectNode triggerEvent, Map<String, ObjectNode> earlierSteps) {
    this.triggerEvent = triggerEvent;
    this.earlierSteps = new LinkedHashMap<>(earlierSteps);
  }

  @Override
  public Optional<String> problemWith(Path path) {
    String root = path.root();
    if (root.equals("trigger")) {
      return OutputPaths.problemWith(triggerEvent, "trigger", path.segments().subList(1, path.segments().size()));
    }
    if (!root.equals("steps")) {
      return Optional.of("unknown root '" + root + "'; expressions start with trigger or steps");
    }
    if (path.segments().size() < 2) {
      return Optional.of("name a step: {{steps.<step id>.<path>}}");
    }
    String step = path.segments().get(1).toString();
    if (!earlierSteps.containsKey(step)) {
      return Optional.of(earlierSteps.isEmpty()
          ? "no step runs before this one, so there is no step '" + step + "' to refer to"
          : "no step '" + step + "' runs before this one; earlier steps: " + String.join(", ", earlierSteps.keySet()));
    }
    return OutputPaths.problemWith(earlierSteps.get(step), "steps." + step,
        path.segments().subList(2, path.segments().size()));
  }

  /** Trigger properties are fixed when the flow is enabled: nothing to refer to yet. */
  static ExpressionScope forTrigger() {
    return path -> Optional.of("trigger properties cannot use expressions");
  }
}
