package dev.outlookflow.outlook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.uischema.binding.RecordBinding;
import dev.outlookflow.uischema.expression.Path;
import dev.outlookflow.uischema.expression.Template;
import dev.outlookflow.uischema.output.OutputPaths;
import dev.outlookflow.uischema.output.OutputSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An action's output as the runtime sees it: the schema the catalog publishes, and what a run writes. */
public final class OutputContract {
  private OutputContract() {}

  /** The keys the output's schema offers later steps, in order. */
  public static List<String> schemaKeys(Class<?> output) {
    return names(OutputSchema.of(output).path("properties"));
  }

  /** The keys a run's output is written with (by the runtime's binding), in order. */
  public static List<String> writtenKeys(Object output) {
    return names(RecordBinding.object(output));
  }

  /** Each key of the output's schema with its description, for the designer choosing a value. */
  public static Map<String, String> descriptions(Class<?> output) {
    Map<String, String> descriptions = new java.util.LinkedHashMap<>();
    OutputSchema.of(output).path("properties").fields()
        .forEachRemaining(p -> descriptions.put(p.getKey(), p.getValue().path("description").asText("")));
    return descriptions;
  }

  /** What saving a flow says of {@code {{steps.step.<path>}}} against the output's schema; empty: fine. */
  public static Optional<String> problem(Class<?> output, String path) {
    Path parsed = Template.parse("{{steps.step." + path + "}}").paths().get(0);
    ObjectNode schema = OutputSchema.of(output);
    return OutputPaths.problemWith(schema, "steps.step", parsed.segments().subList(2, parsed.segments().size()));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
