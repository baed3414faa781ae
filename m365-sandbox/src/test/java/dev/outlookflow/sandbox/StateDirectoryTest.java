package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
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

  /**
   * {@code state.json} holds the signing key (whoever reads it mints tokens the sandbox accepts), {@code
   * mail.json} the mail: both, and their directory, are for the owner alone, whatever the umask and whatever
   * an earlier version left behind.
   */
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void theDirectoryStateAndMailAreTheOwnersAloneAfterEachStartAndEachRewrite() throws Exception {
    Path dir = stateDir.resolve("sandbox");
    Path state = dir.resolve("state.json");
    Path mail = dir.resolve("mail.json");
    try (RunningSandbox first = RunningSandbox.start(SandboxOptions.demo().withStateDir(dir))) {
      first.control("/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", new JsonObject().put("subject", "First"));
      assertOwnerOnly(dir, state, "a new state directory");
    }
    assertOwnerOnly(dir, mail, "mail written at stop");

    // As the sandbox left them before it took care, with the usual umask: readable by everyone.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rw-r--r--"));

    try (RunningSandbox second = RunningSandbox.start(SandboxOptions.demo().withStateDir(dir))) {
      assertOwnerOnly(dir, state, "after start");
      assertOwnerOnly(dir, mail, "after start");

      String before = Files.readString(state);
      second.control("/clock", new JsonObject().put("advanceSeconds", 60));
      assertThat(Files.readString(state)).as("state.json is rewritten at once").isNotEqualTo(before);
      assertOwnerOnly(dir, state, "after state.json was rewritten");
      second.control("/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", new JsonObject().put("subject", "Second"));
    }
    assertThat(Files.readString(mail)).as("mail.json is rewritten at stop at the latest").contains("Second");
    assertOwnerOnly(dir, mail, "after mail.json was rewritten");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no temporary file left behind").containsExactlyInAnyOrder(state, mail);
    }
  }

  private static void assertOwnerOnly(Path dir, Path file, String when) throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).as("the directory, " + when)
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.getFileName() + ", " + when)
        .isEqualTo("rw-------");
  }
}
