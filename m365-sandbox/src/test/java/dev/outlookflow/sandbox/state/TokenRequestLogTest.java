package dev.outlookflow.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token requests the sandbox answered (what {@code GET /_sandbox/tokenRequests} lists) are bounded: a
 * sandbox that serves tokens for weeks keeps the newest ten thousand of the last day, never more.
 */
class TokenRequestLogTest {
  private SandboxState state;

  @BeforeEach
  void open() {
    // In memory, on a clock that moves only when the test moves it.
    state = SandboxState.open(Optional.empty(), Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
  }

  private void request(String clientId) {
    state.recordTokenRequest(new Grants.TokenRequest("tenant", clientId, "client_credentials", 200,
        state.clock().millis()));
  }

  @Test
  void theNewestTenThousandAreKeptOldestFirst() {
    for (int i = 0; i < 10_050; i++) {
      request("client-" + i);
    }

    assertThat(state.tokenRequests()).hasSize(10_000);
    assertThat(state.tokenRequests().get(0).clientId()).isEqualTo("client-50");
    assertThat(state.tokenRequests().get(9_999).clientId()).isEqualTo("client-10049");
  }

  @Test
  void requestsADayOldAreForgottenWhenTheSandboxClockPassesADay() {
    request("yesterday");
    state.clock().advance(Duration.ofHours(23));
    request("this morning");

    state.clock().advance(Duration.ofHours(1).plusSeconds(1));

    assertThat(state.tokenRequests()).extracting(Grants.TokenRequest::clientId).containsExactly("this morning");
  }
}
