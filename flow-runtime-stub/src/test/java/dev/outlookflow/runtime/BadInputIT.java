package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a clear 4xx naming the problem, and the runtime stays up. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
  private InProcessRuntime runtime;
  private ApiClient api;
  private String flowId;

  @BeforeAll
  void start(@TempDir Path temp) throws Exception {
    runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp));
    api = runtime.api();
    flowId = Runs.createFlow(api, flow(step("a", "test/echo", new JsonObject().put("message", "hi"))));
  }

  @AfterAll
  void stop() throws Exception {
    runtime.close();
  }

  private static JsonObject flow(JsonObject... steps) {
    return new JsonObject().put("name", "F").put("trigger", new JsonObject().put("type", "manual"))
        .put("steps", new JsonArray(java.util.List.of((Object[]) steps)));
  }

  private static JsonObject step(String id, String type, JsonObject properties) {
    return new JsonObject().put("id", id).put("type", type).put("properties", properties);
  }

  /** method, path, body, expected status, expected field (or null), text the error must contain. */
  Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("POST", "/api/v1/flows", "{\"name\": ", 400, null, "not valid JSON"),
        Arguments.of("POST", "/api/v1/flows", "{\n  \"name\": \"F\",\n  \"trigger\" {}\n}", 400, null,
            "the body is not valid JSON at line 3, column 13: "),
        Arguments.of("POST", "/api/v1/flows",
            flow(step("a", "test/echo", new JsonObject().put("message", "m").put("failWith", "{{trigger.why}}")))
                .encode(), 400, "steps[0].properties.failWith", "this field takes no expressions"),
        Arguments.of("POST", "/api/v1/flows", "[1, 2]", 400, null, "must be a JSON object, not an array"),
        Arguments.of("POST", "/api/v1/flows", "", 400, null, "a JSON object body is required"),
        Arguments.of("POST", "/api/v1/flows",
            flow(step("a", "test/nope", new JsonObject())).encode(), 400, "steps[0].type",
            "unknown action 'test/nope'"),
        Arguments.of("POST", "/api/v1/flows",
            flow(step("a", "test/echo", new JsonObject())).put("trigger", new JsonObject().put("type", "x/y")).encode(),
            400, "trigger.type", "unknown trigger 'x/y'"),
        Arguments.of("POST", "/api/v1/flows", flow(step("a", "test/echo", new JsonObject())).encode(), 400,
            "steps[0].properties.message", "Message is required"),
        Arguments.of("POST", "/api/v1/flows",
            flow(step("a", "test/echo", new JsonObject().put("message", "m").put("count", "three"))).encode(),
            400, "steps[0].properties.count", "string found, integer expected"),
        Arguments.of("POST", "/api/v1/flows",
            flow(step("a", "test/echo", new JsonObject().put("message", "{{trigger.subject"))).encode(), 400,
            "steps[0].properties.message", "not closed with }}"),
        Arguments.of("POST", "/api/v1/flows",
            flow(step("a", "test/echo", new JsonObject().put("message", "{{secrets.x}}"))).encode(), 400,
            "steps[0].properties.message", "unknown root 'secrets'"),
        Arguments.of("POST", "/api/v1/flows",
            flow(step("a", "test/echo", new JsonObject().put("message", "m").put("connection", "nope"))).encode(),
            400, "steps[0].properties.connection", "no connection with id 'nope'"),
        Arguments.of("POST", "/api/v1/flows",
            flow(step("a", "test/echo", new JsonObject().put("message", "m").put("extra", 1))).encode(), 400,
            "steps[0].properties.extra", "is not a property of this form"),
        Arguments.of("POST", "/api/v1/flows", flow().encode(), 400, "steps", "steps is required"),
        Arguments.of("POST", "/api/v1/flows",
            flow(step("a", "test/secret-sink", new JsonObject().put("token", "hunter2"))).encode(), 400,
            "steps[0].properties.token", "a secret cannot be typed into a flow"),
        Arguments.of("POST", "/api/v1/connections", "{\"type\": \"test/basic\", \"name\": \"c\"}", 400,
            "properties.apiKey", "API key is required"),
        Arguments.of("POST", "/api/v1/connections",
            "{\"type\": \"nope\", \"name\": \"c\", \"properties\": {}}", 400, "type", "unknown connection type 'nope'"),
        Arguments.of("GET", "/api/v1/flows/no-such-flow", null, 404, null, "no flow with id 'no-such-flow'"),
        Arguments.of("POST", "/api/v1/flows/no-such-flow/run", "{}", 404, null, "no flow with id"),
        Arguments.of("GET", "/api/v1/runs/no-such-run", null, 404, null, "no run with id 'no-such-run'"),
        Arguments.of("DELETE", "/api/v1/connections/no-such", null, 404, null, "no connection with id"),
        Arguments.of("GET", "/api/v1/flows/x/runs?limit=-5", null, 400, "limit", "from 1 to 200"),
        Arguments.of("POST", "/api/v1/catalog/actions/test/nope/options/colour", "{}", 404, null, "no action"),
        Arguments.of("POST", "/api/v1/catalog/actions/test/echo/options/colour", "{}", 400, "connection",
            "choose a connection first: the options of 'colour' come from it"),
        Arguments.of("POST", "/api/v1/catalog/widgets/test/echo/options/colour", "{}", 400, null,
            "unknown catalog kind 'widgets'"),
        Arguments.of("GET", "/api/v1/nothing-here", null, 404, null, "no such route: GET /api/v1/nothing-here"),
        Arguments.of("PATCH", "/api/v1/flows", "{}", 405, null, "method PATCH is not allowed"));
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @MethodSource("badRequests")
  void answersAClearClientError(String method, String path, String body, int status, String field, String text) {
    ApiClient.Answer answer = api.send(method, path.replace("/x/", "/" + flowId + "/"), body, "application/json");

    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonObject error = answer.json();
    if (field == null) {
      assertThat(error.getString("error")).contains(text);
    } else {
      JsonObject named = error.getJsonArray("fields").stream().map(JsonObject.class::cast)
          .filter(f -> f.getString("field").equals(field)).findFirst()
          .orElseThrow(() -> new AssertionError("no error on " + field + ": " + error.encode()));
      assertThat(named.getString("message")).contains(text);
    }
    assertThat(api.get("/api/v1/health").status()).as("the runtime stays up").isEqualTo(200);
  }

  @ParameterizedTest(name = "key {0}")
  @MethodSource("badKeys")
  void refusesAMissingOrUnknownKey(String key) {
    ApiClient.Answer answer = api.withKey(key).get("/api/v1/flows");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().getString("error")).contains("Authorization: Bearer");
  }

  Stream<String> badKeys() {
    return Stream.of(null, "", "ofk_wrong");
  }

  @org.junit.jupiter.api.Test
  void oversizedBodyIsRefusedWith413() {
    String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    ApiClient.Answer answer = api.send("POST", "/api/v1/flows", huge, "application/json");
    assertThat(answer.status()).isEqualTo(413);
    assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
  }
}
