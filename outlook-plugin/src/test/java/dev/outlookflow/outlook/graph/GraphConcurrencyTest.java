package dev.outlookflow.outlook.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.outlook.graph.GraphConcurrency.Scope;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plugin settings that say how many Graph requests may be in flight at once, and over what. */
class GraphConcurrencyTest {
  private final Vertx vertx = Vertx.vertx();
  private final List<String> warnings = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void withoutSettingsFourAreInFlightAcrossAllMailboxesTogether() {
    assertThat(read(Map.of())).isEqualTo(new GraphConcurrency(Scope.APP, 4));
    assertThat(warnings).isEmpty();
  }

  @Test
  void theSettingsChooseTheScopeAndTheLimit() {
    assertThat(read(Map.of("outlook.graphConcurrency", " Mailbox", "outlook.graphConcurrencyLimit", "16")))
        .isEqualTo(new GraphConcurrency(Scope.MAILBOX, 16));
    assertThat(read(Map.of("outlook.graphConcurrency", "app", "outlook.graphConcurrencyLimit", "1")))
        .isEqualTo(new GraphConcurrency(Scope.APP, 1));
    assertThat(warnings).isEmpty();
  }

  @Test
  void aWrongSettingGivesWayToTheDefaultWithAWarningSentence() {
    assertThat(read(Map.of("outlook.graphConcurrency", "tenant", "outlook.graphConcurrencyLimit", "17")))
        .isEqualTo(new GraphConcurrency(Scope.APP, 4));
    assertThat(read(Map.of("outlook.graphConcurrencyLimit", "four"))).isEqualTo(new GraphConcurrency(Scope.APP, 4));

    assertThat(warnings).containsExactly(
        "The plugin setting outlook.graphConcurrency=tenant is neither app nor mailbox: the Outlook plugin uses the "
            + "default, app (its limit of Graph requests in flight holds for all mailboxes together).",
        "The plugin setting outlook.graphConcurrencyLimit=17 is not a whole number from 1 to 16: the Outlook plugin "
            + "uses the default, 4.",
        "The plugin setting outlook.graphConcurrencyLimit=four is not a whole number from 1 to 16: the Outlook plugin "
            + "uses the default, 4.");
  }

  private GraphConcurrency read(Map<String, String> settings) {
    return GraphConcurrency.from(PluginEnvironments.of(vertx, "http://127.0.0.1", Clock.systemUTC(), settings),
        warnings::add);
  }
}
