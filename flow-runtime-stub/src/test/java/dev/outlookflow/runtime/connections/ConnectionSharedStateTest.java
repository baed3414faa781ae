package dev.outlookflow.runtime.connections;

import static dev.outlookflow.runtime.store.RealDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.plugin.api.trigger.SharedState;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.secrets.DataKey;
import dev.outlookflow.runtime.secrets.MasterKeys;
import dev.outlookflow.runtime.secrets.SecretUnreadableException;
import dev.outlookflow.runtime.store.RealDatabase;
import dev.outlookflow.runtime.store.SharedStateStore;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state a plugin shares on a connection, over the runtime's real database: sealed values stored
 * encrypted and bound to where they belong, keys and values bounded before anything is stored.
 */
class ConnectionSharedStateTest {
  @TempDir Path temp;
  private RealDatabase database;
  private SharedStateStore store;
  private RuntimeEnvironment environment;
  private final DataKey key = MasterKeys.newDataKey();

  @BeforeEach
  void open() throws Exception {
    database = RealDatabase.open(temp);
    await(database.db().update("INSERT INTO connections (id, workspace_id, type, name, properties, status, "
        + "created_at, updated_at) VALUES ('c1', 'default', 'test/basic', 'C', '{}', 'connected', 0, 0)"));
    store = new SharedStateStore(database.db());
    environment = new RuntimeEnvironment(database.vertx(), null,
        database.vertx().createSharedWorkerExecutor("plugin-workers", 2), Clock.systemUTC(), () -> "http://127.0.0.1",
        Optional.empty(), Map.of());
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  private SharedState of(String plugin) {
    return new ConnectionSharedState(store, key, "default", "c1", plugin, environment);
  }

  @Test
  void aSealedValueIsStoredEncryptedAndOpensForItsPlugin() throws Exception {
    SharedState outlook = of("outlook");
    await(outlook.putSealed("clientState", "webhook-secret-123"));

    assertThat(await(outlook.getSealed("clientState"))).hasValue("webhook-secret-123");
    assertThat(await(outlook.get("clientState"))).as("a plain read never answers a sealed value").isEmpty();
    assertThat(await(store.get("c1", "outlook", "clientState", SharedStateStore.Kind.SEALED)).orElseThrow())
        .doesNotContain("webhook-secret-123");
  }

  @Test
  void aSealedValueCopiedToAnotherKeyOrPluginDoesNotOpen() throws Exception {
    await(of("outlook").putSealed("clientState", "webhook-secret-123"));
    String sealed = await(store.get("c1", "outlook", "clientState", SharedStateStore.Kind.SEALED)).orElseThrow();
    await(store.put("c1", "outlook", "other", SharedStateStore.Kind.SEALED, sealed, 1));
    await(store.put("c1", "another", "clientState", SharedStateStore.Kind.SEALED, sealed, 1));

    for (Future<Optional<String>> copied : List.of(of("outlook").getSealed("other"),
        of("another").getSealed("clientState"))) {
      Throwable refused = failure(copied);
      assertThat(refused).isInstanceOf(SecretUnreadableException.class)
          .hasMessageContaining("cannot be decrypted").hasMessageEndingWith("store it again with putSealed");
    }
  }

  @Test
  void keysAreOneToTwoHundredCharactersWithoutControlCharacters() throws Exception {
    SharedState outlook = of("outlook");
    for (String bad : new String[] {null, "", "k".repeat(SharedState.MAX_KEY_LENGTH + 1), "line\nbreak"}) {
      assertThat(failure(outlook.put(bad, "v"))).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("a shared state key");
      assertThat(failure(outlook.getSealed(bad))).isInstanceOf(IllegalArgumentException.class);
    }
    await(outlook.put("k".repeat(SharedState.MAX_KEY_LENGTH), "v"));
    assertThat(await(outlook.get("k".repeat(SharedState.MAX_KEY_LENGTH)))).hasValue("v");
  }

  @Test
  void valuesAreGivenAndBoundedAndARefusedOneStoresNothing() throws Exception {
    SharedState outlook = of("outlook");
    String tooLong = "v".repeat(SharedState.MAX_VALUE_LENGTH + 1);

    assertThat(failure(outlook.put("cursor", tooLong))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a shared state value may be at most 262,144 characters; the one for key 'cursor' is 262,145: "
            + "keep less under one key");
    assertThat(failure(outlook.putSealed("cursor", tooLong))).isInstanceOf(IllegalArgumentException.class);
    assertThat(failure(outlook.put("cursor", null))).hasMessageStartingWith("the shared state value of key 'cursor' "
        + "is missing");
    assertThat(await(outlook.get("cursor"))).isEmpty();

    await(outlook.putSealed("cursor", "v".repeat(SharedState.MAX_VALUE_LENGTH)));
    assertThat(await(outlook.getSealed("cursor")).orElseThrow()).hasSize(SharedState.MAX_VALUE_LENGTH);
  }

  private static Throwable failure(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, got " + future.result());
  }
}
