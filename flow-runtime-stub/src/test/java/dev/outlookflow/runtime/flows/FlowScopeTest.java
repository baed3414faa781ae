package dev.outlookflow.runtime.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.uischema.expression.Template;
import dev.outlookflow.uischema.output.OutputSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowScopeTest {
  record Tick(String firedAt, long missedTicks) {}

  record Item(String id, String subject) {}

  record Fetched(List<Item> items, int count, Map<String, String> headers, JsonNode raw) {}

  record Sent(String messageId, String internetMessageId, List<String> to) {}

  private final FlowScope third = new FlowScope(OutputSchema.of(Tick.class),
      outputs(Map.entry("fetch", OutputSchema.of(Fetched.class)), Map.entry("send", OutputSchema.of(Sent.class))));

  @SafeVarargs
  private static Map<String, ObjectNode> outputs(Map.Entry<String, ObjectNode>... steps) {
    Map<String, ObjectNode> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, ObjectNode> step : steps) {
      outputs.put(step.getKey(), step.getValue());
    }
    return outputs;
  }

  private Optional<String> problem(FlowScope scope, String expression) {
    return scope.problemWith(Template.parse(expression).paths().get(0));
  }

  @Test
  void theTriggersEventAndEarlierStepsOutputsAreReachable() {
    assertThat(problem(third, "{{trigger.firedAt}}")).isEmpty();
    assertThat(problem(third, "{{trigger}}")).isEmpty();
    assertThat(problem(third, "{{steps.fetch.items[0].id}}")).isEmpty();
    assertThat(problem(third, "{{steps.send.to[1]}}")).isEmpty();
    assertThat(problem(third, "{{steps.send}}")).isEmpty();
  }

  @Test
  void aMisspelledOutputIsNamedWithTheOutputsThereAre() {
    assertThat(problem(third, "{{steps.send.mesageId}}"))
        .contains("steps.send has no output 'mesageId'; it has: messageId, internetMessageId, to");
    assertThat(problem(third, "{{steps.fetch.items[0].sender}}"))
        .contains("steps.fetch.items[0] has no output 'sender'; it has: id, subject");
    assertThat(problem(third, "{{trigger.scheduledFor}}"))
        .contains("trigger has no output 'scheduledFor'; it has: firedAt, missedTicks");
  }

  @Test
  void pathsIntoTheWrongKindOfValueAreRefused() {
    assertThat(problem(third, "{{steps.fetch.count.value}}"))
        .contains("steps.fetch.count is an integer, so it has no 'value'");
    assertThat(problem(third, "{{steps.send.messageId[0]}}"))
        .contains("steps.send.messageId is a string, not a list, so [0] names nothing");
  }

  @Test
  void pathsIntoFreeFormPartsStayAllowed() {
    assertThat(problem(third, "{{steps.fetch.headers.x-ticket}}")).isEmpty();
    assertThat(problem(third, "{{steps.fetch.raw.anything[3].deeper}}")).isEmpty();
    FlowScope manual = new FlowScope(OutputSchema.of(ObjectNode.class), Map.of());
    assertThat(problem(manual, "{{trigger.whatever.the.caller.posted}}")).isEmpty();
  }

  @Test
  void laterOrUnknownStepsAndOtherRootsAreNot() {
    assertThat(problem(third, "{{steps.archive.id}}"))
        .contains("no step 'archive' runs before this one; earlier steps: fetch, send");
    assertThat(problem(new FlowScope(FlowScope.UNKNOWN, Map.of()), "{{steps.fetch.id}}"))
        .contains("no step runs before this one, so there is no step 'fetch' to refer to");
    assertThat(problem(third, "{{env.HOME}}")).contains("unknown root 'env'; expressions start with trigger or steps");
    assertThat(problem(third, "{{steps}}")).contains("name a step: {{steps.<step id>.<path>}}");
  }
}
