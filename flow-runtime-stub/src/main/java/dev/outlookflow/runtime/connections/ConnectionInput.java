package dev.outlookflow.runtime.connections;

import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A connection as the API receives it: {@code {"type", "name", "properties"}}. */
record ConnectionInput(String type, String name, JsonObject properties) {
  static final int MAX_NAME = 200;

  static ConnectionInput parse(JsonObject body) {
    List<FieldError> errors = new ArrayList<>();
    Object type = body.getValue("type");
    Object name = body.getValue("name");
    Object properties = body.getValue("properties", new JsonObject());
    if (!(type instanceof String t) || t.isBlank()) {
      errors.add(new FieldError("type", "type is required: a connection type id from GET /api/v1/catalog"));
    }
    if (!(name instanceof String n) || n.isBlank() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("name", "name is required: text of 1 to " + MAX_NAME + " characters, no control characters"));
    }
    if (!(properties instanceof JsonObject)) {
      errors.add(new FieldError("properties", "properties must be a JSON object"));
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid("the connection is not valid", errors);
    }
    return new ConnectionInput((String) type, ((String) name).strip(), (JsonObject) properties);
  }
}
