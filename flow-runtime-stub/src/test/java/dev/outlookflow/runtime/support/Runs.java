package dev.outlookflow.runtime.support;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/** Waiting on runs through the API. */
public final class Runs {
  private static final Set<String> FINAL = Set.of("succeeded", "failed", "interrupted", "cancelled");

  private Runs() {}

  public static JsonObject awaitFinished(ApiClient api, String runId) {
    return awaitFinished(api, runId, java.time.Duration.ofSeconds(30));
  }

  /** The finished run, each of its succeeded steps' outputs checked against its action's declared output. */
  public static JsonObject awaitFinished(ApiClient api, String runId, java.time.Duration deadline) {
    JsonObject run = finished(api, runId, deadline);
    DeclaredOutputs.check(api, run);
    return run;
  }

  private static JsonObject finished(ApiClient api, String runId, java.time.Duration deadline) {
    try {
      return Eventually.await("run " + runId + " to finish", deadline, () -> {
        ApiClient.Answer answer = api.get("/api/v1/runs/" + runId);
        return answer.status() == 200 && FINAL.contains(answer.json().getString("status")) ? answer.json() : null;
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last seen: " + api.get("/api/v1/runs/" + runId), e);
    }
  }

  public static String start(ApiClient api, String flowId, JsonObject event) {
    ApiClient.Answer answer = api.post("/api/v1/flows/" + flowId + "/run", event);
    if (answer.status() != 202) {
      throw new AssertionError("run not accepted: " + answer);
    }
    return answer.json().getString("runId");
  }

  /** A manual flow of one step. */
  public static JsonObject oneStepFlow(String name, String stepId, String type, JsonObject properties) {
    return new JsonObject().put("name", name).put("trigger", new JsonObject().put("type", "manual"))
        .put("steps", new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", stepId).put("type", type)
            .put("properties", properties)));
  }

  public static String createFlow(ApiClient api, JsonObject flow) {
    ApiClient.Answer answer = api.post("/api/v1/flows", flow);
    if (answer.status() != 201) {
      throw new AssertionError("flow not created: " + answer);
    }
    return answer.json().getString("id");
  }
}
