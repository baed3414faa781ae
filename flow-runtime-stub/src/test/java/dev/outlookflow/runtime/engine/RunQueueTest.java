package dev.outlookflow.runtime.engine;

import static dev.outlookflow.runtime.store.RealDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.model.RunRecord;
import dev.outlookflow.runtime.model.RunStatus;
import dev.outlookflow.runtime.store.RealDatabase;
import dev.outlookflow.runtime.store.RunStore;
import dev.outlookflow.runtime.secrets.WrappedKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue over the real store: runs wait in the store, at most the cap executing at once, those left running
 * first, then the queued oldest first; each executes once.
 */
class RunQueueTest {
  private static final int CAP = 4;
  @TempDir Path temp;
  private RealDatabase database;
  private RunStore runs;
  private final AtomicInteger executing = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void open() throws Exception {
    database = RealDatabase.open(temp);
    await(database.db().update("INSERT INTO flows (id, name, definition, enabled, created_at, updated_at) "
        + "VALUES ('f1', 'F', '{}', TRUE, 0, 0)"));
    runs = new RunStore(database.db());
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  @Test
  void twoThousandQueuedRunsExecuteAtMostFourAtOnceLeftRunningFirstThenOldestFirstEachOnce() throws Exception {
    store(1_990, RunStatus.QUEUED, "q");
    store(10, RunStatus.RUNNING, "r");
    CompletableFuture<Void> allEnded = new CompletableFuture<>();
    RunQueue queue = new RunQueue(runs, database.vertx(), CAP, run -> execute(run, allEnded));

    queue.start();

    allEnded.get(60, TimeUnit.SECONDS);
    assertThat(executed).as("each run once").hasSize(2_000).doesNotHaveDuplicates();
    assertThat(executed.subList(0, 10)).as("those left running first (loaded four at once)")
        .containsExactlyInAnyOrderElementsOf(ids("r", 10));
    assertThat(executed.subList(10, 2_000)).as("then the queued, oldest first (the first four start together)")
        .containsExactlyInAnyOrderElementsOf(ids("q", 1_990));
    assertThat(executed.subList(10, 14)).as("oldest first").containsExactlyInAnyOrderElementsOf(ids("q", 4));
    assertThat(peak.get()).as("executing at once, at most").isEqualTo(CAP);
    assertThat(await(runs.countUnfinished())).isZero();
  }

  @Test
  void aRunStoredLaterIsTakenOnceTheQueueIsToldAndNothingBeforeItStarts() throws Exception {
    CompletableFuture<Void> allEnded = new CompletableFuture<>();
    RunQueue queue = new RunQueue(runs, database.vertx(), CAP, run -> execute(run, allEnded));
    store(3, RunStatus.QUEUED, "early");
    queue.stored();
    assertThat(queue.executing()).as("not started: nothing taken").isZero();

    queue.start();
    store(1_997, RunStatus.QUEUED, "late");
    queue.stored();

    allEnded.get(60, TimeUnit.SECONDS);
    assertThat(executed).hasSize(2_000).doesNotHaveDuplicates();
    assertThat(peak.get()).isLessThanOrEqualTo(CAP);
  }

  /** Records the overlap, then ends the run in the store as an execution would. */
  private Future<Void> execute(RunRecord run, CompletableFuture<Void> allEnded) {
    peak.accumulateAndGet(executing.incrementAndGet(), Math::max);
    executed.add(run.id());
    return runs.finish(run.id(), RunStatus.SUCCEEDED, null, 1L).<Void>mapEmpty().onComplete(done -> {
      executing.decrementAndGet();
      if (executed.size() == 2_000) {
        allEnded.complete(null);
      }
    });
  }

  private void store(int count, RunStatus status, String prefix) throws Exception {
    for (String id : ids(prefix, count)) {
      await(runs.insert(new RunRecord(id, "default", "f1", new JsonObject(), new JsonObject(), "sealed", status, null,
          0L, null, null, null, null), new WrappedKey("m1", "wrapped")));
    }
  }

  private static List<String> ids(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(String.format("%s-%04d", prefix, i));
    }
    return ids;
  }
}
