package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.RuntimeProcess;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets are sealed at rest, bound to their row, and survive a master key rotation. */
class SecretsIT {
  private static final String SECRET = "good";
  private static final String OTHER_SECRET = "sk-another-plaintext-secret-7f3a9c";

  @TempDir Path temp;

  private static JsonObject connection(String name, String apiKey) {
    return new JsonObject().put("type", "test/basic").put("name", name)
        .put("properties", new JsonObject().put("apiKey", apiKey));
  }

  @Test
  void aSecretNeverAppearsInAnswersRunRecordsLogsOrTheDatabaseFile() throws Exception {
    Path data = temp.resolve("data");
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    List<String> answers = new ArrayList<>();
    RuntimeProcess runtime = RuntimeProcess.start(data, "--plugins-dir", plugins.toString());
    ApiClient api = runtime.api();
    ApiClient.Answer created = api.post("/api/v1/connections", connection("Other", OTHER_SECRET));
    answers.add(created.text());
    String id = created.json().getString("id");
    answers.add(api.get("/api/v1/connections/" + id).text());
    answers.add(api.get("/api/v1/connections").text());
    answers.add(api.put("/api/v1/connections/" + id, connection("Renamed", OTHER_SECRET)).text());
    answers.add(api.post("/api/v1/connections/" + id + "/test", null).text());
    String flowId = Runs.createFlow(api, new JsonObject().put("name", "F")
        .put("trigger", new JsonObject().put("type", "manual"))
        .put("steps", new JsonArray().add(new JsonObject().put("id", "a").put("type", "test/echo")
            .put("properties", new JsonObject().put("connection", id).put("message", "m")))));
    String runId = Runs.start(api, flowId, new JsonObject());
    answers.add(Runs.awaitFinished(api, runId).encode());
    assertThat(runtime.terminate()).isEqualTo(143);

    assertThat(answers).noneMatch(text -> text.contains(OTHER_SECRET));
    assertThat(runtime.output()).doesNotContain(OTHER_SECRET);
    assertThat(contains(data.resolve("runtime.mv.db"), OTHER_SECRET)).as("plaintext in the database file").isFalse();
  }

  @Test
  void aCiphertextCopiedToAnotherConnectionDoesNotDecryptAndRotationKeepsEveryConnectionReadable()
      throws Exception {
    Path data = temp.resolve("data");
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    String good;
    String other;
    try (RuntimeProcess runtime = RuntimeProcess.start(data, "--plugins-dir", plugins.toString())) {
      ApiClient api = runtime.api();
      good = api.post("/api/v1/connections", connection("Good", SECRET)).json().getString("id");
      other = api.post("/api/v1/connections", connection("Other", OTHER_SECRET)).json().getString("id");
      runtime.terminate();
    }
    copyProperties(data, good, other);

    try (RuntimeProcess runtime = RuntimeProcess.start(data, "--plugins-dir", plugins.toString(), "--rotate-master-key")) {
      ApiClient api = runtime.api();
      assertThat(runtime.output()).contains("master key rotated: 2 data key(s) rewrapped");
      assertThat(api.post("/api/v1/connections/" + good + "/test", null).json().getBoolean("ok"))
          .as("still decrypts after rotation").isTrue();
      JsonObject moved = api.post("/api/v1/connections/" + other + "/test", null).json();
      assertThat(moved.getBoolean("ok")).isFalse();
      assertThat(moved.getString("message")).contains("cannot be decrypted");
      runtime.terminate();
    }
    assertThat(Files.readAllLines(data.resolve("master-key"))).hasSize(2);

    try (RuntimeProcess runtime = RuntimeProcess.start(data, "--plugins-dir", plugins.toString())) {
      assertThat(runtime.api().post("/api/v1/connections/" + good + "/test", null).json().getBoolean("ok")).isTrue();
    }
  }

  /** What an attacker with write access to the database could try: move a ciphertext to another row. */
  private static void copyProperties(Path data, String from, String to) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("runtime").toAbsolutePath())) {
      String properties;
      try (PreparedStatement read = db.prepareStatement("SELECT properties FROM connections WHERE id = ?")) {
        read.setString(1, from);
        try (ResultSet row = read.executeQuery()) {
          row.next();
          properties = row.getString(1);
        }
      }
      assertThat(properties).doesNotContain(SECRET).contains("$sealed");
      try (PreparedStatement write = db.prepareStatement("UPDATE connections SET properties = ? WHERE id = ?")) {
        write.setString(1, properties);
        write.setString(2, to);
        assertThat(write.executeUpdate()).isEqualTo(1);
      }
    }
  }

  static boolean contains(Path file, String text) throws Exception {
    byte[] haystack = Files.readAllBytes(file);
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
