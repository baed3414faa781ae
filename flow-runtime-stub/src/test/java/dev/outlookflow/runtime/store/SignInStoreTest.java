package dev.outlookflow.runtime.store;

import static dev.outlookflow.runtime.store.RealDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-ins under way in the runtime's real database: bounded approvals, links opened once, nothing kept past its time. */
class SignInStoreTest {
  private static final long NOW = 1_000_000L;
  private static final long TEN_MINUTES = 600_000L;
  @TempDir Path temp;
  private RealDatabase database;
  private Database db;
  private SignInStore signIns;

  @BeforeEach
  void open() throws Exception {
    database = RealDatabase.open(temp);
    db = database.db();
    await(db.update("INSERT INTO connections (id, workspace_id, type, name, properties, status, created_at, updated_at) "
        + "VALUES ('c1', 'default', 't/t', 'C', '{}', 'new', 0, 0)"));
    signIns = new SignInStore(db);
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  private boolean approval(String state, long now) throws Exception {
    return await(signIns.openApproval(state, "c1", "hash", Map.of(), now + TEN_MINUTES, now, 2));
  }

  @Test
  void approvalsBeyondTheBoundAreRefusedUntilEarlierOnesExpire() throws Exception {
    assertThat(approval("a", NOW)).isTrue();
    assertThat(approval("b", NOW + 1)).isTrue();

    assertThat(approval("c", NOW + 2)).as("two under way already").isFalse();
    assertThat(await(signIns.find("c", NOW + 2))).isEmpty();

    assertThat(approval("d", NOW + TEN_MINUTES + 1)).as("the first has expired and is purged").isTrue();
  }

  @Test
  void aLinkIsClaimedOnceAndItsTimeStartsWhenOpened() throws Exception {
    await(signIns.announce("s", "c1", "ticket-hash", NOW + TEN_MINUTES, NOW));

    long openedAt = NOW + TEN_MINUTES - 1_000;
    var claimed = await(signIns.claim("ticket-hash", "browser", openedAt, openedAt + TEN_MINUTES));

    assertThat(claimed).hasValueSatisfying(signIn -> {
      assertThat(signIn.browserHash()).isEqualTo("browser");
      assertThat(signIn.expiresAt()).isEqualTo(openedAt + TEN_MINUTES);
    });
    assertThat(await(signIns.claim("ticket-hash", "other", openedAt, openedAt + TEN_MINUTES))).isEmpty();
    assertThat(await(signIns.find("s", openedAt + TEN_MINUTES - 1))).as("still under way nine minutes later")
        .isPresent();
  }

  @Test
  void aStateIsTakenOnceAndExpiredOnesGoWithIt() throws Exception {
    await(signIns.announce("old", "c1", "t1", NOW + TEN_MINUTES, NOW));
    await(signIns.announce("new", "c1", "t2", NOW + 2 * TEN_MINUTES, NOW + TEN_MINUTES));

    assertThat(await(signIns.take("new", NOW + TEN_MINUTES + 1))).isTrue();
    assertThat(await(signIns.take("new", NOW + TEN_MINUTES + 1))).isFalse();
    Optional<Integer> left = await(db.read(sql -> Rows.one(sql, "SELECT COUNT(*) FROM sign_ins", row -> row.getInt(1))));
    assertThat(left).as("the expired one went too").hasValue(0);
  }
}
