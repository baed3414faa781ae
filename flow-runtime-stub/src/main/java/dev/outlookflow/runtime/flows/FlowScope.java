package dev.outlookflow.runtime.flows;

import dev.outlookflow.uischema.expression.ExpressionScope;
import dev.outlookflow.uischema.expression.Path;
import java.util.List;
import java.util.Optional;

/** What a step's expressions may refer to: the trigger's event and the steps before it. */
final class FlowScope implements ExpressionScope {
  private final List<String> earlierSteps;

  FlowScope(List<String> earlierSteps) {
    this.earlierSteps = List.copyOf(earlierSteps);
  }

  @Override
  public Optional<String> problemWith(Path path) {
    String root = path.root();
    if (root.equals("trigger")) {
      return Optional.empty();
    }
    if (!root.equals("steps")) {
      return Optional.of("unknown root '" + root + "'; expressions start with trigger or steps");
    }
    if (path.segments().size() < 2) {
      return Optional.of("name a step: {{steps.<step id>.<path>}}");
    }
    String step = path.segments().get(1).toString();
    if (!earlierSteps.contains(step)) {
      return Optional.of(earlierSteps.isEmpty()
          ? "no step runs before this one, so there is no step '" + step + "' to refer to"
          : "no step '" + step + "' runs before this one; earlier steps: " + String.join(", ", earlierSteps));
    }
    return Optional.empty();
  }

  /** Trigger properties are fixed when the flow is enabled: nothing to refer to yet. */
  static ExpressionScope forTrigger() {
    return path -> Optional.of("trigger properties cannot use expressions");
  }
}
