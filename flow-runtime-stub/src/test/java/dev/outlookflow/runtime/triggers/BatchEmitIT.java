package dev.outlookflow.runtime.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.store.Database;
import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.RuntimeProcess;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trigger's batches of keyed events through the packaged runtime, which executes at most
 * {@code --max-concurrent-runs} runs at once: a batch killed -9 mid-way is stored whole or not at all (one
 * acknowledged is stored), in its order; emitted again after the restart, its keys start nothing new; a failed
 * emit is one failed run per key; the backlog left by the kill drains after the restart, never more than the
 * cap executing at once.
 */
class BatchEmitIT {
  private static final int BATCHES = 8;
  private static final int SIZE = 250;
  private static final int CAP = 4;
  @TempDir Path temp;

  @Test
  void batchesAreStoredWholeOrNotAtAllAcrossAKillAndTheirRunsDrainAtMostFourAtOnce() throws Exception {
    Path data = temp.resolve("data");
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    String flowId;
    try (RuntimeProcess runtime = start(data, plugins)) {
      ApiClient api = runtime.api();
      flowId = Runs.createFlow(api, batchFlow());
      api.post("/api/v1/flows/" + flowId + "/enable", null);
      String id = flowId;
      runtime.explaining(() -> Eventually.await("a run of flow " + id + " executed",
          () -> runs(api, id, "succeeded").isEmpty() ? null : true));
      runtime.kill9();
    }

    int storedBefore;
    int poisonBefore;
    try (Connection sql = DriverManager.getConnection(Database.jdbcUrl(data))) {
      // The trigger records a batch's number once its emitAll answered: acknowledged.
      int acked = Integer.parseInt(one(sql, "SELECT content FROM trigger_state WHERE flow_id = ? AND name = 'acked'",
          flowId, "-1").replaceAll("[^0-9-]", ""));
      storedBefore = 0;
      for (int batch = 0; batch < BATCHES; batch++) {
        List<String> keys = keysBySeq(sql, flowId, batch + "-%");
        assertThat(keys.size()).as("batch %d: whole or nothing", batch).isIn(0, SIZE);
        if (batch <= acked) {
          assertThat(keys).as("batch %d was acknowledged", batch).hasSize(SIZE);
        }
        if (!keys.isEmpty()) {
          int b = batch;
          assertThat(keys).as("batch %d in its order", batch)
              .containsExactlyElementsOf(IntStream.range(0, SIZE).mapToObj(i -> b + "-" + i).toList());
        }
        storedBefore += keys.size();
      }
      assertThat(storedBefore).as("the kill came before every batch was stored").isLessThan(BATCHES * SIZE);
      poisonBefore = keysBySeq(sql, flowId, "poison").size();
    }

    try (RuntimeProcess restarted = start(data, plugins)) {
      ApiClient api = restarted.api();
      String id = flowId;
      JsonObject closing = restarted.explaining(() -> Eventually.await("the runs of flow " + id + " all ended",
          Duration.ofMinutes(3), () -> {
            JsonArray started = api.get("/api/v1/runs?flow=" + id + "&limit=1").json().getJsonArray("runs");
            boolean closed = !started.isEmpty() && "start 2".equals(started.getJsonObject(0).getString("triggerKey"));
            return closed && runs(api, id, "queued").isEmpty() && runs(api, id, "running").isEmpty()
                ? api.get("/api/v1/runs/" + started.getJsonObject(0).getString("id")).json() : null;
          }));
      assertThat(closing.getJsonObject("trigger").getString("answers"))
          .as("emitted again, the keys stored before the kill start nothing; the duplicate in each batch neither")
          .startsWith("created=" + (BATCHES * SIZE - storedBefore) + " answered=" + BATCHES * (SIZE + 1)
              + " poison=" + (1 - poisonBefore) + "/0 ms=");
      JsonObject poison = api.get("/api/v1/runs?flow=" + id + "&status=failed").json().getJsonArray("runs")
          .getJsonObject(0);
      assertThat(poison.getString("triggerKey")).isEqualTo("poison");
      assertThat(poison.getJsonObject("error")).isEqualTo(new JsonObject().put("code", "trigger_failed")
          .put("message", "the event could not be read"));
      restarted.terminate();
    }

    try (Connection sql = DriverManager.getConnection(Database.jdbcUrl(data))) {
      assertThat(count(sql, "SELECT COUNT(*) FROM runs WHERE flow_id = ? AND status = 'succeeded' AND trigger_key "
          + "LIKE '%-%'", flowId) + count(sql, "SELECT COUNT(*) FROM runs WHERE flow_id = ? AND status = 'interrupted'",
          flowId)).as("every event's run ended, those caught in flight by the kill interrupted").isEqualTo(BATCHES * SIZE);
      assertThat(count(sql, "SELECT COUNT(*) FROM runs WHERE flow_id = ? AND status = 'interrupted'", flowId))
          .as("at most the runs executing at the kill").isLessThanOrEqualTo(CAP);
      assertThat(count(sql, "SELECT COUNT(*) FROM steps s JOIN runs r ON r.id = s.run_id WHERE r.flow_id = ? "
          + "AND r.trigger_key = 'poison'", flowId)).as("no step of the failed run executed").isZero();
      int peak = 0;
      try (PreparedStatement read = sql.prepareStatement("SELECT output FROM steps WHERE status = 'succeeded'");
          ResultSet rows = read.executeQuery()) {
        while (rows.next()) {
          peak = Math.max(peak, new JsonObject(rows.getString(1)).getInteger("peak"));
        }
      }
      assertThat(peak).as("runs executing at once, at most").isBetween(2, CAP);
    }
  }

  private static RuntimeProcess start(Path data, Path plugins) {
    return RuntimeProcess.start(data, "--plugins-dir", plugins.toString(), "--max-concurrent-runs",
        String.valueOf(CAP));
  }

  private static JsonObject batchFlow() {
    return new JsonObject().put("name", "Batches")
        .put("trigger", new JsonObject().put("type", "test/batch")
            .put("properties", new JsonObject().put("batches", BATCHES).put("size", SIZE)
                .put("repeatFirst", true)))
        .put("steps", new JsonArray().add(new JsonObject().put("id", "overlap").put("type", "test/overlap")
            .put("properties", new JsonObject().put("holdMs", 1))));
  }

  private static JsonArray runs(ApiClient api, String flowId, String status) {
    return api.get("/api/v1/runs?flow=" + flowId + "&status=" + status + "&limit=1").json().getJsonArray("runs");
  }

  private static List<String> keysBySeq(Connection sql, String flowId, String pattern) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement read = sql.prepareStatement("SELECT trigger_key FROM runs WHERE flow_id = ? AND "
        + "trigger_key LIKE ? ORDER BY seq")) {
      read.setString(1, flowId);
      read.setString(2, pattern);
      try (ResultSet rows = read.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
    }
    return keys;
  }

  private static String one(Connection sql, String query, String flowId, String otherwise) throws SQLException {
    try (PreparedStatement read = sql.prepareStatement(query)) {
      read.setString(1, flowId);
      try (ResultSet rows = read.executeQuery()) {
        return rows.next() ? rows.getString(1) : otherwise;
      }
    }
  }

  private static long count(Connection sql, String query, String flowId) throws SQLException {
    return Long.parseLong(one(sql, query, flowId, "0"));
  }
}
