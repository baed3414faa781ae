package dev.outlookflow.runtime.store;

import static dev.outlookflow.runtime.store.RealDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.model.RunRecord;
import dev.outlookflow.runtime.model.RunStatus;
import dev.outlookflow.runtime.secrets.WrappedKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trigger's keys in the runtime's real database: one run per key of a flow, the first one stored; each key
 * with its time, by which the flow's keys are forgotten; the run shows the key it was started under.
 */
class TriggerKeysStoreTest {
  private static final long STORED_AT = 5_000L;
  @TempDir Path temp;
  private RealDatabase database;
  private Database db;
  private RunStore runs;

  @BeforeEach
  void open() throws Exception {
    database = RealDatabase.open(temp);
    db = database.db();
    for (String flow : new String[] {"f1", "f2"}) {
      await(db.update("INSERT INTO flows (id, name, definition, enabled, created_at, updated_at) VALUES ('" + flow
          + "', 'F', '{}', TRUE, 0, 0)"));
    }
    runs = new RunStore(db);
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  private static RunRecord run(String id, String flowId, String key) {
    return new RunRecord(id, "default", flowId, new JsonObject(), new JsonObject(), "sealed", RunStatus.QUEUED,
        null, STORED_AT, null, null, null, key);
  }

  private String insertOne(String runId, String flowId, String key) throws Exception {
    return insertOne(runId, flowId, key, STORED_AT);
  }

  private String insertOne(String runId, String flowId, String key, long keyTime) throws Exception {
    return await(runs.insertAll(flowId, List.of(new RunStore.KeyedRun(run(runId, flowId, key), KEY, keyTime))))
        .get(0);
  }

  private Optional<String> holder(String flowId, String key) throws Exception {
    return await(db.read(sql -> Rows.one(sql, "SELECT run_id FROM trigger_keys WHERE flow_id = ? AND trigger_key = ?",
        row -> row.getString(1), flowId, key)));
  }

  @Test
  void aBatchStoresItsNewRunsInItsOrderAndAnswersTheHoldersOfKeysUsedBefore() throws Exception {
    insertOne("r0", "f1", "used");
    List<RunStore.KeyedRun> batch = List.of(keyed("r1", "k3"), keyed("r2", "used"), keyed("r3", "k1"),
        keyed("r4", "k2"));

    assertThat(await(runs.insertAll("f1", batch))).containsExactly("r1", "r0", "r3", "r4");

    assertThat(seqOrder()).as("the new runs' seq follows the batch's order").containsExactly("r0", "r1", "r3", "r4");
    assertThat(await(runs.find("default", "r2"))).as("nothing of the run refused for its key").isEmpty();
    assertThat(holder("f1", "k1")).hasValue("r3");
    assertThat(holder("f1", "k2")).hasValue("r4");
    assertThat(holder("f1", "k3")).hasValue("r1");
  }

  @Test
  void twoBatchesSharingAKeyAtOnceStoreItOnceAndBothAnswerItsHolder() throws Exception {
    // Two writers at once, as two processes on one database would be: the second meets the first's key.
    Future<List<String>> first = runs.insertAll("f1", List.of(keyed("a1", "a"), keyed("b1", "b")));
    Future<List<String>> second = runs.insertAll("f1", List.of(keyed("b2", "b"), keyed("c2", "c")));
    List<String> firstHolders = await(first);
    List<String> secondHolders = await(second);

    String holderOfB = holder("f1", "b").orElseThrow();
    assertThat(List.of(firstHolders.get(1), secondHolders.get(0))).containsOnly(holderOfB);
    assertThat(firstHolders.get(0)).isEqualTo("a1");
    assertThat(secondHolders.get(1)).isEqualTo("c2");
    assertThat(await(runs.waiting(RunStatus.QUEUED, 0, 10))).as("one run per key").hasSize(3);
  }

  @Test
  void aRunStoredEndedHasNoRunKeyAndIsNeverWaiting() throws Exception {
    RunRecord failed = new RunRecord("r1", "default", "f1", new JsonObject(), new JsonObject().put("id", "m"), null,
        RunStatus.FAILED, new JsonObject().put("code", "trigger_failed"), STORED_AT, null, STORED_AT, null, "poison");
    await(runs.insertAll("f1", List.of(new RunStore.KeyedRun(failed, null, STORED_AT))));

    assertThat(await(runs.find("default", "r1")).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    assertThat(await(runs.runKey("r1"))).isEmpty();
    assertThat(await(runs.waiting(RunStatus.QUEUED, 0, 10))).isEmpty();
    assertThat(await(runs.countUnfinished())).isZero();
  }

  private static final WrappedKey KEY = new WrappedKey("m1", "wrapped");

  private static RunStore.KeyedRun keyed(String runId, String key) {
    return new RunStore.KeyedRun(run(runId, "f1", key), KEY, STORED_AT);
  }

  private List<String> seqOrder() throws Exception {
    return await(runs.waiting(RunStatus.QUEUED, 0, 100)).stream().map(RunStore.Waiting::id).toList();
  }

  @Test
  void aSecondRunUnderAKeyIsNotStoredAndTheFirstIsAnswered() throws Exception {
    assertThat(insertOne("r1", "f1", "AAkALg=")).isEqualTo("r1");
    assertThat(insertOne("r2", "f1", "AAkALg=")).as("the unique key refuses it; the holder is read back")
        .isEqualTo("r1");
    assertThat(await(runs.find("default", "r2"))).as("nothing of the refused run stays").isEmpty();
    assertThat(holder("f1", "AAkALg=")).hasValue("r1");
  }

  @Test
  void eachFlowHasItsOwnKeys() throws Exception {
    assertThat(insertOne("r1", "f1", "shared")).isEqualTo("r1");
    assertThat(insertOne("r2", "f2", "shared")).isEqualTo("r2");
    assertThat(holder("f2", "other")).isEmpty();
  }

  @Test
  void aRunShowsTheKeyItWasStartedUnderAndARunWithoutOneShowsNone() throws Exception {
    insertOne("r1", "f1", "AAkALg=");
    await(runs.insert(run("r2", "f1", null), new WrappedKey("m1", "wrapped")));
    assertThat(await(runs.find("default", "r1")).orElseThrow().triggerKey()).isEqualTo("AAkALg=");
    assertThat(await(runs.find("default", "r2")).orElseThrow().triggerKey()).isNull();
  }

  @Test
  void keysBeforeTheMarkAreForgottenAndCountedAndOnlyThisFlows() throws Exception {
    insertOne("r1", "f1", "older", 1_000L);
    insertOne("r2", "f1", "at the mark", 2_000L);
    insertOne("r3", "f1", "newer", 3_000L);
    insertOne("r4", "f2", "another flow's", 1_000L);

    assertThat(await(runs.forgetKeysBefore("f1", 2_000L))).as("only the key before the mark").isEqualTo(1L);

    assertThat(holder("f1", "older")).isEmpty();
    assertThat(holder("f1", "at the mark")).hasValue("r2");
    assertThat(holder("f2", "another flow's")).hasValue("r4");
    assertThat(insertOne("r5", "f1", "older", 1_000L)).as("a forgotten key starts a new run").isEqualTo("r5");
    assertThat(await(runs.find("default", "r1"))).as("forgetting a key keeps its run").isPresent();
  }

  @Test
  void keysStoredBeforeKeysHadTimesTakeTheTimeTheyWereStored() throws Exception {
    Path older = temp.resolve("before-key-times");
    Flyway.configure().dataSource(Database.jdbcUrl(older), "", "").target("6").load().migrate();
    try (Connection sql = DriverManager.getConnection(Database.jdbcUrl(older))) {
      sql.createStatement().executeUpdate("INSERT INTO flows (id, name, definition, enabled, created_at, updated_at) "
          + "VALUES ('f1', 'F', '{}', TRUE, 0, 0)");
      sql.createStatement().executeUpdate("INSERT INTO trigger_keys (flow_id, trigger_key, run_id, created_at) "
          + "VALUES ('f1', 'stored at 1500', 'r0', 1500)");
    }
    try (RealDatabase migrated = RealDatabase.open(older)) {
      RunStore olderRuns = new RunStore(migrated.db());
      assertThat(await(olderRuns.forgetKeysBefore("f1", 1_500L))).isZero();
      assertThat(await(olderRuns.forgetKeysBefore("f1", 1_501L))).isEqualTo(1L);
    }
  }
}
