package dev.outlookflow.runtime.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.uischema.expression.Template;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowScopeTest {
  private final FlowScope third = new FlowScope(List.of("fetch", "send"));

  private Optional<String> problem(FlowScope scope, String expression) {
    return scope.problemWith(Template.parse(expression).paths().get(0));
  }

  @Test
  void triggerAndEarlierStepsAreReachable() {
    assertThat(problem(third, "{{trigger.subject}}")).isEmpty();
    assertThat(problem(third, "{{steps.fetch.items[0].id}}")).isEmpty();
  }

  @Test
  void laterOrUnknownStepsAndOtherRootsAreNot() {
    assertThat(problem(third, "{{steps.archive.id}}"))
        .contains("no step 'archive' runs before this one; earlier steps: fetch, send");
    assertThat(problem(new FlowScope(List.of()), "{{steps.fetch.id}}"))
        .contains("no step runs before this one, so there is no step 'fetch' to refer to");
    assertThat(problem(third, "{{env.HOME}}")).contains("unknown root 'env'; expressions start with trigger or steps");
    assertThat(problem(third, "{{steps}}")).contains("name a step: {{steps.<step id>.<path>}}");
  }
}
