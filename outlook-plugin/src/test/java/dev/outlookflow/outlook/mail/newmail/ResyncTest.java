package dev.outlookflow.outlook.mail.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.plugin.api.ExtensionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResyncTest {
  private static GraphException graph(int status, String code, String... inner) {
    return new GraphException(status, code, List.of(inner), "message", "request-1");
  }

  @Test
  void aGoneOrAnExpiredSyncStateCallsForAResync() {
    assertThat(Resync.needed(graph(410, null))).isTrue();
    assertThat(Resync.needed(graph(400, "syncStateNotFound"))).isTrue();
    assertThat(Resync.needed(graph(400, "BadRequest", "resyncRequired"))).as("an inner code").isTrue();
    assertThat(Resync.needed(graph(409, "resyncApplyDifferences"))).isTrue();
    assertThat(Resync.needed(new ExtensionException("link_not_followed", "leads elsewhere")))
        .as("a stored cursor at another origin can never be followed").isTrue();
  }

  @Test
  void otherFailuresAreRetriedWithTheSameCursor() {
    assertThat(Resync.needed(graph(429, "TooManyRequests"))).isFalse();
    assertThat(Resync.needed(graph(503, "syncStateNotFound"))).as("a server error is not a verdict on the token")
        .isFalse();
    assertThat(Resync.needed(graph(400, "BadRequest"))).isFalse();
    assertThat(Resync.needed(new IllegalStateException("connection lost"))).isFalse();
  }
}
