package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route gets malformed JSON, wrong types, bodies past its limit, unknown ids, control
 * characters and script: each answer is a clear JSON 4xx, and the runtime stays up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String UNKNOWN = "does-not-exist";

  /** A route, whether it reads a body, and the body limit class it belongs to. */
  private record Route(String method, String path, boolean body, int limitBytes) {
    String with(String id) {
      return path.replace("{id}", id);
    }
  }

  private static final int SMALL = 64 * 1024;
  private static final int FLOW = 1024 * 1024;
  private static final int RUN = 32 * 1024 * 1024;
  private static final List<Route> ROUTES = List.of(
      new Route("POST", "/api/v1/workspaces", true, SMALL),
      new Route("GET", "/api/v1/workspaces/{id}/keys", false, SMALL),
      new Route("POST", "/api/v1/workspaces/{id}/keys", true, SMALL),
      new Route("DELETE", "/api/v1/workspaces/{id}/keys/{id}", false, SMALL),
      new Route("POST", "/api/v1/catalog/actions/{id}/options/colour", true, SMALL),
      new Route("POST", "/api/v1/connections", true, SMALL),
      new Route("GET", "/api/v1/connections/{id}", false, SMALL),
      new Route("PUT", "/api/v1/connections/{id}", true, SMALL),
      new Route("DELETE", "/api/v1/connections/{id}", false, SMALL),
      new Route("POST", "/api/v1/connections/{id}/test", false, SMALL),
      new Route("POST", "/api/v1/connections/{id}/authorize", false, SMALL),
      new Route("POST", "/api/v1/flows", true, FLOW),
      new Route("GET", "/api/v1/flows/{id}", false, SMALL),
      new Route("PUT", "/api/v1/flows/{id}", true, FLOW),
      new Route("DELETE", "/api/v1/flows/{id}", false, SMALL),
      new Route("POST", "/api/v1/flows/{id}/enable", false, SMALL),
      new Route("POST", "/api/v1/flows/{id}/disable", false, SMALL),
      new Route("POST", "/api/v1/flows/{id}/run", true, RUN),
      new Route("GET", "/api/v1/flows/{id}/runs", false, SMALL),
      new Route("GET", "/api/v1/runs/{id}", false, SMALL),
      new Route("POST", "/api/v1/runs/{id}/cancel", false, SMALL),
      new Route("DELETE", "/api/v1/instance/keys/{id}", false, SMALL),
      new Route("POST", "/api/v1/instance/keys/{id}/rotate", false, SMALL));

  private InProcessRuntime runtime;
  private ApiClient api;

  @BeforeAll
  void start(@TempDir Path temp) throws Exception {
    runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp));
    api = runtime.api();
  }

  @AfterAll
  void stop() throws Exception {
    runtime.close();
  }

  Stream<Arguments> hostileRequests() {
    List<Arguments> cases = new ArrayList<>();
    String wrongTypes = "{\"name\": 7, \"type\": [], \"properties\": \"x\", \"trigger\": 1, \"steps\": {}, \"role\": 3}";
    String controls = "{\"name\": \"a\\u0000b\\u001b[31m\", \"type\": \"test/basic\", \"role\": \"designer\\n\"}";
    String script = "{\"name\": \"" + SCRIPT + "\", \"type\": \"" + SCRIPT + "\", \"role\": \"" + SCRIPT + "\"}";
    for (Route route : ROUTES) {
      String unknown = route.with(UNKNOWN);
      cases.add(Arguments.of(route.method() + " " + route.path() + " with an unknown id", route.method(), unknown, route.body() ? "{}" : null));
      cases.add(Arguments.of(route.method() + " " + route.path() + " with script in its id", route.method(),
          route.with(URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8)), route.body() ? "{}" : null));
      cases.add(Arguments.of(route.method() + " " + route.path() + " with a control character in its id", route.method(),
          route.with("a%01b"), null));
      cases.add(Arguments.of(route.method() + " " + route.path() + " with an overlong id", route.method(),
          route.with("x".repeat(500)), null));
      cases.add(Arguments.of(route.method() + " " + route.path() + " past its body limit", route.method(), unknown,
          "{\"name\": \"" + "x".repeat(route.limitBytes()) + "\"}"));
      cases.add(Arguments.of(route.method() + " " + route.path() + " with a form body", route.method(), unknown,
          FORM_BODY));
      if (route.body()) {
        cases.add(Arguments.of(route.method() + " " + route.path() + " nested past the limit", route.method(), unknown,
            nested(900)));
        cases.add(Arguments.of(route.method() + " " + route.path() + " with a second value after the first",
            route.method(), unknown, "{\"name\": \"a\"} {\"name\": \"b\"}"));
        cases.add(Arguments.of(route.method() + " " + route.path() + " with malformed JSON", route.method(), unknown, "{\"name\": "));
        cases.add(Arguments.of(route.method() + " " + route.path() + " with a JSON array", route.method(), unknown, "[\"" + SCRIPT + "\"]"));
        if (!route.path().contains("{id}")) {
          cases.add(Arguments.of(route.method() + " " + route.path() + " with wrong types", route.method(), unknown, wrongTypes));
          cases.add(Arguments.of(route.method() + " " + route.path() + " with control characters", route.method(), unknown, controls));
          if (!route.path().equals("/api/v1/workspaces")) {
            // A workspace has only a name, and a name is free text: see scriptInANameIsKeptAsPlainText.
            cases.add(Arguments.of(route.method() + " " + route.path() + " with script in strings", route.method(), unknown, script));
          }
        }
      }
    }
    return cases.stream();
  }

  /** A form field of 9 KB: over the 8 KB Vert.x decodes a form attribute to. */
  private static final String FORM_BODY = "a=" + "x".repeat(9 * 1024);

  private static String nested(int depth) {
    return "{\"name\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void answersAClearClientErrorAndStaysUp(String name, String method, String path, String body) {
    String type = FORM_BODY.equals(body) ? "application/x-www-form-urlencoded" : "application/json";
    ApiClient.Answer answer = api.send(method, path, body, type);

    assertThat(answer.status()).as(answer.text().length() > 300 ? answer.text().substring(0, 300) : answer.text())
        .isBetween(400, 499);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(answer.json().getString("error")).isNotBlank();
    assertThat(answer.text()).doesNotContain("\u0000", "\u001b");
    assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
  }

  @org.junit.jupiter.api.Test
  void scriptInANameIsKeptAsPlainText() {
    ApiClient.Answer created = api.post("/api/v1/workspaces", new JsonObject().put("name", SCRIPT));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.contentType()).startsWith("application/json");
    assertThat(created.json().getString("name")).isEqualTo(SCRIPT);
  }

  @org.junit.jupiter.api.Test
  void aFormBodyIsRefusedWith415SayingTheApiTakesJson() {
    ApiClient.Answer answer = api.send("POST", "/api/v1/flows", FORM_BODY, "application/x-www-form-urlencoded");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.json().getString("error")).isEqualTo("this API takes JSON bodies: send Content-Type: "
        + "application/json (with curl: -H 'Content-Type: application/json')");
  }

  @org.junit.jupiter.api.Test
  void aFormPostedToTheCallbackIsRefusedUnreadSinceSignInsAnswerInTheQuery() {
    ApiClient.Answer answer = api.withKey(null).send("POST", "/oauth/callback", "state=s&code=" + "x".repeat(9 * 1024),
        "application/x-www-form-urlencoded");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.json().getString("error")).startsWith("this API takes JSON bodies");
  }

  @org.junit.jupiter.api.Test
  void anEventNestedDeeperThan64LevelsIsRefusedAndOneAtTheLimitIsTaken() {
    String flowId = dev.outlookflow.runtime.support.Runs.createFlow(api, dev.outlookflow.runtime.support.Runs
        .oneStepFlow("Deep", "a", "test/echo", new JsonObject().put("message", "m")));

    ApiClient.Answer tooDeep = api.send("POST", "/api/v1/flows/" + flowId + "/run", nested(900), "application/json");
    assertThat(tooDeep.status()).isEqualTo(400);
    assertThat(tooDeep.json().getString("error")).startsWith("the body nests deeper than 64 levels");
    assertThat(api.send("POST", "/api/v1/flows/" + flowId + "/run", nested(63), "application/json").status())
        .isEqualTo(202);
  }

  @org.junit.jupiter.api.Test
  void anEventOfMoreThanAMillionValuesIsRefusedBeforeItFillsTheHeap() {
    String flowId = dev.outlookflow.runtime.support.Runs.createFlow(api, dev.outlookflow.runtime.support.Runs
        .oneStepFlow("Many", "a", "test/echo", new JsonObject().put("message", "m")));
    String emptyLists = "{\"a\": [" + "[],".repeat(600_000) + "[]]}";

    ApiClient.Answer answer = api.send("POST", "/api/v1/flows/" + flowId + "/run", emptyLists, "application/json");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("error"))
        .isEqualTo("the body holds more than 1000000 JSON values and names: send fewer");
  }

  @ParameterizedTest(name = "callback {0}")
  @MethodSource("hostileCallbacks")
  void theOAuthCallbackEscapesWhatItEchoes(String query) {
    ApiClient.Answer answer = api.withKey(null).get("/oauth/callback?" + query);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).doesNotContain(SCRIPT);
  }

  Stream<String> hostileCallbacks() {
    String script = URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8);
    return Stream.of("state=" + script + "&code=" + script, "error=" + script, "state=" + "x".repeat(5000));
  }
}
