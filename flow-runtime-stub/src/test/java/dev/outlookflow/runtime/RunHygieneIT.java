package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.MutableClock;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run records keep neither secrets nor large values, and are purged after the retention. */
class RunHygieneIT {
  private static final String SECRET = "tok-run-secret-55b1e0";
  @TempDir Path temp;

  @Test
  void aRunWhoseStepInputHeldASecretAndA5MbAttachmentStoresNeither() throws Exception {
    String marker = "MARKER-INSIDE-THE-ATTACHMENT-3c9e";
    String attachment = Base64.getEncoder().encodeToString(
        ("x".repeat(3_000) + marker + "y".repeat(5 * 1024 * 1024)).getBytes());
    Path data = temp.resolve("data");
    try (InProcessRuntime runtime = InProcessRuntime.start(data, TestPlugins.folderWithTestPlugin(temp))) {
      ApiClient api = runtime.api();
      String flowId = Runs.createFlow(api, new JsonObject().put("name", "Secretive")
          .put("trigger", new JsonObject().put("type", "manual"))
          .put("steps", new JsonArray()
              .add(new JsonObject().put("id", "send").put("type", "test/secret-sink")
                  .put("properties", new JsonObject().put("token", "{{trigger.token}}")
                      .put("attachment", "{{trigger.attachment}}")))));

      JsonObject run = Runs.awaitFinished(api, Runs.start(api, flowId,
          new JsonObject().put("token", SECRET).put("attachment", attachment)));

      assertThat(run.getString("status")).as(run.encode().substring(0, 300)).isEqualTo("succeeded");
      JsonObject step = run.getJsonArray("steps").getJsonObject(0);
      assertThat(step.getJsonObject("input").getString("token")).isEqualTo("[redacted]");
      assertThat(step.getJsonObject("input").getString("attachment"))
          .endsWith("… [truncated: " + attachment.length() + " characters]");
      assertThat(step.getJsonObject("output").getInteger("attachmentLength"))
          .as("the action got the whole attachment").isEqualTo(attachment.length());
      assertThat(run.getJsonObject("trigger").getString("attachment")).contains("[truncated:");
      assertThat(run.encode()).doesNotContain(marker);
    }
    assertThat(SecretsIT.contains(data.resolve("runtime.mv.db"), SECRET)).as("secret in the database file").isFalse();
    assertThat(SecretsIT.contains(data.resolve("runtime.mv.db"), marker)).as("attachment in the database file").isFalse();
  }

  @Test
  void recordsPastRetentionAreGone() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (InProcessRuntime runtime = InProcessRuntime.start(
        RuntimeConfig.local(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp), clock))) {
      ApiClient api = runtime.api();
      String flowId = Runs.createFlow(api, new JsonObject().put("name", "Old")
          .put("trigger", new JsonObject().put("type", "manual"))
          .put("steps", new JsonArray().add(new JsonObject().put("id", "a").put("type", "test/echo")
              .put("properties", new JsonObject().put("message", "m")))));
      String old = Runs.start(api, flowId, new JsonObject());
      Runs.awaitFinished(api, old);
      clock.advance(Duration.ofDays(20));
      String recent = Runs.start(api, flowId, new JsonObject());
      Runs.awaitFinished(api, recent);

      clock.advance(Duration.ofDays(11));
      runtime.restart();
      ApiClient after = runtime.api();

      assertThat(after.get("/api/v1/runs/" + old).status()).as("31 days old").isEqualTo(404);
      assertThat(after.get("/api/v1/runs/" + recent).status()).as("11 days old").isEqualTo(200);
    }
  }
}
