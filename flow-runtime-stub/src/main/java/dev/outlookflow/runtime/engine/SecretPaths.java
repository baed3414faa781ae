package dev.outlookflow.runtime.engine;

import dev.outlookflow.runtime.model.FlowDefinition;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.uischema.expression.ExpressionSyntaxException;
import dev.outlookflow.uischema.expression.Path;
import dev.outlookflow.uischema.expression.PathSegment;
import dev.outlookflow.uischema.expression.Template;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.FieldType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The places a flow binds into secret fields ({@code {{trigger.token}}} in a password field): the
 * values found there are redacted in the run record's copies of the event and step outputs too.
 */
final class SecretPaths {
  private final List<Path> paths;

  SecretPaths(List<Path> paths) {
    this.paths = List.copyOf(paths);
  }

  static SecretPaths of(FlowDefinition flow, ExtensionRegistry registry) {
    List<Path> paths = new ArrayList<>();
    for (FlowDefinition.StepSpec step : flow.steps()) {
      registry.action(step.type()).ifPresent(action -> {
        for (FieldDefinition field : action.form().fieldsOfType(FieldType.SECRET)) {
          if (step.properties().getValue(field.name()) instanceof String value && value.contains("{{")) {
            try {
              paths.addAll(Template.parse(value).paths());
            } catch (ExpressionSyntaxException e) {
              // Refused at design time already; nothing is bound from it.
            }
          }
        }
      });
    }
    return new SecretPaths(paths);
  }

  /** A copy of {@code value}, which sits at {@code root} (e.g. {@code trigger}), with bound secrets redacted. */
  JsonObject redact(JsonObject value, String... root) {
    JsonObject copy = value.copy();
    for (Path path : paths) {
      List<PathSegment> segments = path.segments();
      if (startsWith(segments, root) && segments.size() > root.length) {
        redact(copy, segments.subList(root.length, segments.size()));
      }
    }
    return copy;
  }

  private static boolean startsWith(List<PathSegment> segments, String[] root) {
    if (segments.size() < root.length) {
      return false;
    }
    for (int i = 0; i < root.length; i++) {
      if (!segments.get(i).toString().equals(root[i])) {
        return false;
      }
    }
    return true;
  }

  private static void redact(Object container, List<PathSegment> rest) {
    PathSegment head = rest.get(0);
    boolean last = rest.size() == 1;
    if (container instanceof JsonObject object && head instanceof PathSegment.Key key && object.containsKey(key.name())) {
      if (last) {
        object.put(key.name(), RecordHygiene.REDACTED);
      } else {
        redact(object.getValue(key.name()), rest.subList(1, rest.size()));
      }
    } else if (container instanceof JsonArray array && head instanceof PathSegment.Index index
        && index.position() < array.size()) {
      if (last) {
        array.set(index.position(), RecordHygiene.REDACTED);
      } else {
        redact(array.getValue(index.position()), rest.subList(1, rest.size()));
      }
    }
  }
}
