package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox restarted on its state directory honours what it issued before. */
class StateDirectoryTest {
  @TempDir Path stateDir;

  @Test
  void refreshTokensIssuedBeforeARestartStillWorkAndAreStoredOnlyAsHashes() throws Exception {
    String refreshToken;
    String accessToken;
    try (RunningSandbox first = RunningSandbox.start(SandboxOptions.demo().withStateDir(stateDir))) {
      CodeFlow flow = new CodeFlow(first);
      Http.Answer redeemed = flow.redeem(flow.code(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD), CodeFlow.VERIFIER);
      refreshToken = redeemed.json().getString("refresh_token");
      accessToken = redeemed.json().getString("access_token");
    }
    assertThat(Files.readString(stateDir.resolve("state.json"))).doesNotContain(refreshToken);

    try (RunningSandbox second = RunningSandbox.start(SandboxOptions.demo().withStateDir(stateDir))) {
      Http.Answer refreshed = new CodeFlow(second).refresh(refreshToken);
      assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
      assertThat(second.get("/v1.0/me", accessToken).status()).as("same signing key").isEqualTo(200);
    }
  }
}
