package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.DeclaredOutputs;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.MutableClock;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule trigger fires when the (injected) clock reaches a tick, and a missed tick once. */
class ScheduleIT {
  private static final Instant NINE_FIFTY_NINE = Instant.parse("2026-03-02T09:59:00Z");

  @TempDir Path temp;

  private static JsonObject hourlyFlow() {
    return new JsonObject().put("name", "Hourly")
        .put("trigger", new JsonObject().put("type", "schedule").put("properties", new JsonObject()
            .put("mode", "cron").put("cron", "0 * * * *").put("timeZone", "UTC")))
        .put("steps", new JsonArray().add(new JsonObject().put("id", "tick").put("type", "test/echo")
            .put("properties", new JsonObject().put("message", "{{trigger.scheduledFor}}"))));
  }

  @Test
  void firesOnTimeAndFiresATickMissedDuringARestartOnce() throws Exception {
    MutableClock clock = new MutableClock(NINE_FIFTY_NINE);
    try (InProcessRuntime runtime = started(clock)) {
      ApiClient api = runtime.api();
      String flowId = enabled(api, hourlyFlow());

      clock.set(Instant.parse("2026-03-02T10:00:00Z"));
      assertThat(awaitTicks(api, flowId, 1)).containsExactly("2026-03-02T10:00:00Z|0");

      runtime.restart(config -> {
        clock.set(Instant.parse("2026-03-02T12:30:00Z"));
        return config;
      });
      ApiClient after = runtime.api();
      assertThat(awaitTicks(after, flowId, 2)).as("11:00 and 12:00 were missed: one run, for 12:00")
          .containsExactly("2026-03-02T12:00:00Z|1", "2026-03-02T10:00:00Z|0");

      clock.advance(Duration.ofMinutes(30));
      assertThat(awaitTicks(after, flowId, 3)).containsExactly(
          "2026-03-02T13:00:00Z|0", "2026-03-02T12:00:00Z|1", "2026-03-02T10:00:00Z|0");
    }
  }

  @Test
  void reEnabledItFiresNoTickMissedWhileItWasDisabled() throws Exception {
    MutableClock clock = new MutableClock(NINE_FIFTY_NINE);
    try (InProcessRuntime runtime = started(clock)) {
      ApiClient api = runtime.api();
      String flowId = enabled(api, hourlyFlow());
      clock.set(Instant.parse("2026-03-02T10:00:00Z"));
      awaitTicks(api, flowId, 1);

      api.post("/api/v1/flows/" + flowId + "/disable", null);
      clock.set(Instant.parse("2026-03-02T12:30:00Z"));
      api.post("/api/v1/flows/" + flowId + "/enable", null);
      assertThat(awaitTicks(api, flowId, 1)).as("11:00 and 12:00 passed while it was disabled: none fires")
          .containsExactly("2026-03-02T10:00:00Z|0");

      clock.set(Instant.parse("2026-03-02T13:00:00Z"));
      assertThat(awaitTicks(api, flowId, 2)).containsExactly("2026-03-02T13:00:00Z|0", "2026-03-02T10:00:00Z|0");
    }
  }

  @Test
  void editedItCountsItsIntervalFromTheEdit() throws Exception {
    MutableClock clock = new MutableClock(NINE_FIFTY_NINE);
    try (InProcessRuntime runtime = started(clock)) {
      ApiClient api = runtime.api();
      String flowId = enabled(api, hourlyFlow().put("trigger", everyHour()));

      clock.set(Instant.parse("2026-03-02T10:30:00Z"));
      api.put("/api/v1/flows/" + flowId, hourlyFlow().put("trigger", everyHour()).put("name", "Edited"));
      clock.set(Instant.parse("2026-03-02T10:59:00Z"));
      Eventually.holdsFor("no tick at 10:59, an hour from the first enabling", Duration.ofSeconds(2),
          () -> runs(api, flowId).isEmpty());

      clock.set(Instant.parse("2026-03-02T11:30:00Z"));
      assertThat(awaitTicks(api, flowId, 1)).containsExactly("2026-03-02T11:30:00Z|0");
    }
  }

  /** The runtime with the test plugin, on {@code clock}. */
  private InProcessRuntime started(MutableClock clock) throws Exception {
    return InProcessRuntime.start(RuntimeConfig.local(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp),
        clock));
  }

  private static String enabled(ApiClient api, JsonObject flow) {
    String flowId = Runs.createFlow(api, flow);
    api.post("/api/v1/flows/" + flowId + "/enable", null);
    return flowId;
  }

  private static JsonObject everyHour() {
    return new JsonObject().put("type", "schedule").put("properties", new JsonObject().put("mode", "interval")
        .put("everySeconds", 3600));
  }

  @Test
  void badCronAndTimeZoneAreFieldErrors() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp))) {
      JsonObject flow = hourlyFlow();
      flow.getJsonObject("trigger").getJsonObject("properties").put("cron", "61 * * *");
      JsonObject error = runtime.api().post("/api/v1/flows", flow).json();
      assertThat(error.getJsonArray("fields").getJsonObject(0).getString("field")).isEqualTo("trigger.properties.cron");
      assertThat(error.getJsonArray("fields").getJsonObject(0).getString("message")).startsWith("not a valid cron expression");

      flow = hourlyFlow();
      flow.getJsonObject("trigger").getJsonObject("properties").put("timeZone", "Mars/Olympus");
      error = runtime.api().post("/api/v1/flows", flow).json();
      assertThat(error.getJsonArray("fields").getJsonObject(0).getString("message")).contains("unknown time zone");
    }
  }

  /**
   * {@code scheduledFor|missedTicks} of each run, newest first, once there are {@code count}, and still
   * {@code count} two seconds later: the trigger compares the (fixed) clock with the next tick four times
   * a second, so a tick fired twice would show within the first of those eight checks.
   */
  private static List<String> awaitTicks(ApiClient api, String flowId, int count) {
    Eventually.await(count + " scheduled run(s)", () -> runs(api, flowId).size() >= count ? true : null);
    Eventually.holdsFor("no tick fires twice: " + count + " run(s)", Duration.ofSeconds(2),
        () -> runs(api, flowId).size() == count);
    return ticks(api, runs(api, flowId));
  }

  private static JsonArray runs(ApiClient api, String flowId) {
    return api.get("/api/v1/flows/" + flowId + "/runs").json().getJsonArray("runs");
  }

  private static List<String> ticks(ApiClient api, JsonArray runs) {
    List<JsonObject> events = runs.stream().map(r -> api.get("/api/v1/runs/" + ((JsonObject) r).getString("id"))
        .json().getJsonObject("trigger")).toList();
    events.forEach(event -> DeclaredOutputs.checkEvent(api, "schedule", event));
    return events.stream().map(t -> t.getString("scheduledFor") + "|" + t.getInteger("missedTicks")).toList();
  }
}
