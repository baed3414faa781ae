package dev.outlookflow.runtime.store;

import static dev.outlookflow.runtime.store.RealDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.model.RunRecord;
import dev.outlookflow.runtime.model.RunStatus;
import dev.outlookflow.runtime.secrets.WrappedKey;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trigger's keys in the runtime's real database: one run per key of a flow, the first one stored. */
class TriggerKeysStoreTest {
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

  private static RunRecord run(String id, String flowId) {
    return new RunRecord(id, "default", flowId, new JsonObject(), new JsonObject(), "sealed", RunStatus.QUEUED,
        null, 0L, null, null, null);
  }

  private String insertOnce(String runId, String flowId, String key) throws Exception {
    return await(runs.insertOnce(run(runId, flowId), new WrappedKey("m1", "wrapped"), key));
  }

  @Test
  void aSecondRunUnderAKeyIsNotStoredAndTheFirstIsAnswered() throws Exception {
    assertThat(insertOnce("r1", "f1", "AAkALg=")).isEqualTo("r1");
    assertThat(insertOnce("r2", "f1", "AAkALg=")).as("the unique key refuses it; the holder is read back")
        .isEqualTo("r1");
    assertThat(await(runs.find("default", "r2"))).as("nothing of the refused run stays").isEmpty();
    assertThat(await(runs.runForKey("f1", "AAkALg="))).hasValue("r1");
  }

  @Test
  void eachFlowHasItsOwnKeys() throws Exception {
    assertThat(insertOnce("r1", "f1", "shared")).isEqualTo("r1");
    assertThat(insertOnce("r2", "f2", "shared")).isEqualTo("r2");
    assertThat(await(runs.runForKey("f2", "other"))).isEmpty();
  }
}
