package dev.outlookflow.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.uischema.expression.Template;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretPathsTest {
  private final SecretPaths paths = new SecretPaths(List.of(
      Template.parse("{{trigger.auth.token}}").paths().get(0),
      Template.parse("{{steps.login.tokens[1]}}").paths().get(0)));

  @Test
  void valuesBoundIntoSecretFieldsAreRedactedWhereTheyCameFrom() {
    JsonObject event = new JsonObject().put("auth", new JsonObject().put("token", "s3cret").put("user", "ann"));
    JsonObject output = new JsonObject().put("tokens", new JsonArray().add("a").add("b"));

    assertThat(paths.redact(event, "trigger").encode())
        .isEqualTo("{\"auth\":{\"token\":\"[redacted]\",\"user\":\"ann\"}}");
    assertThat(paths.redact(output, "steps", "login").encode()).isEqualTo("{\"tokens\":[\"a\",\"[redacted]\"]}");
    assertThat(event.getJsonObject("auth").getString("token")).as("the input is left untouched").isEqualTo("s3cret");
  }

  @Test
  void otherPlacesAndMissingPathsAreLeftAlone() {
    JsonObject output = new JsonObject().put("tokens", new JsonArray().add("a").add("b"));
    assertThat(paths.redact(output, "steps", "other")).isEqualTo(output);
    assertThat(paths.redact(new JsonObject().put("user", "ann"), "trigger").encode()).isEqualTo("{\"user\":\"ann\"}");
  }
}
