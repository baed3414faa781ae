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

  @Test
  void mailSurvivesARestartWithItsIds() throws Exception {
    String id;
    try (RunningSandbox first = RunningSandbox.start(SandboxOptions.demo().withStateDir(stateDir))) {
      id = first.control("/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages",
          new io.vertx.core.json.JsonObject().put("subject", "Kept")).json().getString("id");
    }
    try (RunningSandbox second = RunningSandbox.start(SandboxOptions.demo().withStateDir(stateDir))) {
      io.vertx.core.json.JsonObject kept = second.get("/_sandbox/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages",
          null).json().getJsonArray("value").getJsonObject(0);
      assertThat(kept.getString("subject")).isEqualTo("Kept");
      assertThat(kept.getString("id")).isEqualTo(id);
    }
  }
}
