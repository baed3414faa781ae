package dev.outlookflow.runtime.store;

import static dev.outlookflow.runtime.store.RealDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.store.SharedStateStore.Kind;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state plugins share per connection, in the runtime's real database: scoped to a connection and a
 * plugin, a plain and a sealed value apart under each key, gone with the connection or when cleared.
 */
class SharedStateStoreTest {
  @TempDir Path temp;
  private RealDatabase database;
  private SharedStateStore shared;

  @BeforeEach
  void open() throws Exception {
    database = RealDatabase.open(temp);
    for (String connection : new String[] {"c1", "c2"}) {
      await(database.db().update("INSERT INTO connections (id, workspace_id, type, name, properties, status, "
          + "created_at, updated_at) VALUES ('" + connection + "', 'default', 't/t', 'C', '{}', 'new', 0, 0)"));
    }
    shared = new SharedStateStore(database.db());
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  private String get(String connection, String plugin, String key, Kind kind) throws Exception {
    return await(shared.get(connection, plugin, key, kind)).orElse(null);
  }

  @Test
  void aValueIsKeptPerConnectionAndPlugin() throws Exception {
    await(shared.put("c1", "outlook", "cursor", Kind.PLAIN, "delta-1", 1));
    await(shared.put("c1", "outlook", "cursor", Kind.PLAIN, "delta-2", 2));

    assertThat(get("c1", "outlook", "cursor", Kind.PLAIN)).isEqualTo("delta-2");
    assertThat(get("c2", "outlook", "cursor", Kind.PLAIN)).as("another connection's").isNull();
    assertThat(get("c1", "other", "cursor", Kind.PLAIN)).as("another plugin's").isNull();
  }

  @Test
  void thePlainAndTheSealedValueOfAKeyLiveApartAndGoTogether() throws Exception {
    await(shared.put("c1", "outlook", "subscription", Kind.SEALED, "sealed-text", 1));
    assertThat(get("c1", "outlook", "subscription", Kind.PLAIN)).as("a plain read never answers a sealed value")
        .isNull();

    await(shared.put("c1", "outlook", "subscription", Kind.PLAIN, "id-42", 2));
    assertThat(get("c1", "outlook", "subscription", Kind.SEALED)).isEqualTo("sealed-text");
    assertThat(get("c1", "outlook", "subscription", Kind.PLAIN)).isEqualTo("id-42");

    await(shared.remove("c1", "outlook", "subscription"));
    assertThat(get("c1", "outlook", "subscription", Kind.SEALED)).isNull();
    assertThat(get("c1", "outlook", "subscription", Kind.PLAIN)).isNull();
  }

  @Test
  void clearingAConnectionForgetsEveryPluginsKeysOfItAndNoOtherConnections() throws Exception {
    await(shared.put("c1", "outlook", "a", Kind.PLAIN, "1", 1));
    await(shared.put("c1", "other", "b", Kind.SEALED, "2", 1));
    await(shared.put("c2", "outlook", "a", Kind.PLAIN, "3", 1));

    assertThat(await(shared.clear("c1"))).isEqualTo(2);

    assertThat(get("c1", "outlook", "a", Kind.PLAIN)).isNull();
    assertThat(get("c1", "other", "b", Kind.SEALED)).isNull();
    assertThat(get("c2", "outlook", "a", Kind.PLAIN)).isEqualTo("3");
  }

  @Test
  void deletingTheConnectionDeletesItsSharedState() throws Exception {
    await(shared.put("c1", "outlook", "a", Kind.PLAIN, "1", 1));
    await(new ConnectionStore(database.db()).delete("c1"));
    assertThat(await(shared.clear("c1"))).as("nothing left to clear").isZero();
  }

  @Test
  void flowsWritingOneNewKeyAtOnceAllSucceed() throws Exception {
    List<Future<Void>> writes = new ArrayList<>();
    for (int flow = 0; flow < 8; flow++) {
      writes.add(shared.put("c1", "outlook", "new key", Kind.PLAIN, "from flow " + flow, flow));
    }
    await(Future.all(writes));
    assertThat(get("c1", "outlook", "new key", Kind.PLAIN)).startsWith("from flow ");
  }
}
