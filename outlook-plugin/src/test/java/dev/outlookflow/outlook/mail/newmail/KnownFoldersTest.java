package dev.outlookflow.outlook.mail.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.plugin.api.trigger.TriggerState;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a flow keeps of the subfolders it watches, so that a restart tells known folders from new ones. */
class KnownFoldersTest {
  private static final Instant FIRST = Instant.parse("2026-11-29T09:00:00Z");
  private static final Instant LATER = Instant.parse("2026-11-29T09:05:00Z");

  /** A flow's trigger state as the runtime keeps it: strings by key. */
  private final Map<String, String> stored = new LinkedHashMap<>();
  private final TriggerState state = new TriggerState() {
    @Override
    public Future<Optional<String>> get(String key) {
      return Future.succeededFuture(Optional.ofNullable(stored.get(key)));
    }

    @Override
    public Future<Void> put(String key, String value) {
      stored.put(key, value);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> remove(String key) {
      stored.remove(key);
      return Future.succeededFuture();
    }
  };

  @Test
  void aRestartKnowsEachFolderWithWhenItWasFound() {
    load().replace(state, Map.of("AAMkProjects", FIRST, "AAMkLater", LATER));

    KnownFolders restarted = load();

    assertThat(restarted.foundAt("AAMkProjects")).isEqualTo(FIRST);
    assertThat(restarted.foundAt("AAMkLater")).isEqualTo(LATER);
    assertThat(restarted.foundAt("AAMkNeverSeen")).isNull();
  }

  @Test
  void aFolderNoLongerWatchedIsForgottenWithItsOwnState() {
    KnownFolders known = load();
    known.replace(state, Map.of("AAMkProjects", FIRST, "AAMkLater", LATER));
    stored.put(Subscriber.COVERED + KnownFolders.stateSuffix("AAMkLater"), "1");
    stored.put(Subscriber.COVERED + KnownFolders.stateSuffix("AAMkProjects"), "2");

    known.replace(state, Map.of("AAMkProjects", FIRST));

    assertThat(load().foundAt("AAMkLater")).isNull();
    assertThat(stored)
        .containsOnlyKeys(KnownFolders.KEY, Subscriber.COVERED + KnownFolders.stateSuffix("AAMkProjects"));
  }

  @Test
  void clearingForgetsEverySubfolderAndLeavesTheFlowsOwnState() {
    stored.put(Subscriber.COVERED, "3");
    KnownFolders known = load();
    known.replace(state, Map.of("AAMkProjects", FIRST));
    stored.put(Subscriber.COVERED + KnownFolders.stateSuffix("AAMkProjects"), "2");

    known.clear(state);

    assertThat(stored).containsOnlyKeys(Subscriber.COVERED);
  }

  @Test
  void aDamagedValueMakesEveryFolderNewAndKeysStayShort() {
    stored.put(KnownFolders.KEY, "{not json");

    assertThat(load().foundAt("AAMkProjects")).isNull();
    assertThat(KnownFolders.stateSuffix("A".repeat(1_000))).hasSize(33);
  }

  private KnownFolders load() {
    return KnownFolders.load(state).result();
  }
}
