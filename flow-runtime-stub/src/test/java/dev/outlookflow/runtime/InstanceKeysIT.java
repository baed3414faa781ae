package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instance admin keys are the instance admin's alone to list, create, rotate and revoke, through
 * routes of their own; no workspace admin sees them, and the runtime never locks itself out.
 */
class InstanceKeysIT {
  @TempDir Path temp;
  private InProcessRuntime runtime;
  private ApiClient instance;

  @BeforeEach
  void start() throws Exception {
    runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp));
    instance = runtime.api();
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
  }

  private String fileKeyId() {
    JsonArray keys = instance.get("/api/v1/instance/keys").json().getJsonArray("keys");
    assertThat(keys).hasSize(1);
    assertThat(keys.getJsonObject(0).getBoolean("inAdminKeyFile")).isTrue();
    return keys.getJsonObject(0).getString("id");
  }

  @Test
  void anAdminOfTheDefaultWorkspaceNeitherSeesNorRevokesTheInstanceKey() {
    String instanceKeyId = fileKeyId();
    ApiClient admin = instance.withKey(instance.post("/api/v1/workspaces/default/keys",
        new JsonObject().put("role", "admin")).json().getString("key"));

    JsonArray listed = admin.get("/api/v1/workspaces/default/keys").json().getJsonArray("keys");
    assertThat(listed.stream().map(k -> ((JsonObject) k).getString("role"))).containsExactly("admin");
    assertThat(admin.delete("/api/v1/workspaces/default/keys/" + instanceKeyId).status()).isEqualTo(404);
    assertThat(instance.delete("/api/v1/workspaces/default/keys/" + instanceKeyId).status())
        .as("not through a workspace's route, even by the instance admin").isEqualTo(404);
    ApiClient.Answer refused = admin.get("/api/v1/instance/keys");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("error")).isEqualTo("managing instance admin keys needs an instance admin key");
    assertThat(admin.post("/api/v1/instance/keys", null).status()).isEqualTo(403);
    assertThat(admin.post("/api/v1/instance/keys/" + instanceKeyId + "/rotate", null).status()).isEqualTo(403);
    assertThat(admin.delete("/api/v1/instance/keys/" + instanceKeyId).status()).isEqualTo(403);
    assertThat(instance.get("/api/v1/workspaces").status()).as("the instance key still works").isEqualTo(200);
  }

  @Test
  void theLastInstanceKeyCannotBeRevoked() {
    String only = fileKeyId();

    ApiClient.Answer refused = instance.delete("/api/v1/instance/keys/" + only);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("error")).isEqualTo("this is the last active instance admin key: create or "
        + "rotate to another one first, or the runtime would have no administrator");
    assertThat(instance.get("/api/v1/workspaces").status()).isEqualTo(200);
  }

  @Test
  void rotatingTheFilesKeyRewritesTheFileAndTheRuntimeStartsWithIt() throws Exception {
    Path file = runtime.runtime().adminKeyFile();
    String old = fileKeyId();

    ApiClient.Answer rotated = instance.post("/api/v1/instance/keys/" + old + "/rotate", null);

    assertThat(rotated.status()).as(rotated.text()).isEqualTo(201);
    assertThat(rotated.json().getString("replaces")).isEqualTo(old);
    String newKey = rotated.json().getString("key");
    assertThat(Files.readString(file).strip()).isEqualTo(newKey);
    assertThat(instance.get("/api/v1/workspaces").status()).as("the old key is revoked").isEqualTo(401);
    ApiClient renewed = instance.withKey(newKey);
    assertThat(renewed.get("/api/v1/instance/keys").json().getJsonArray("keys").stream()
        .map(k -> ((JsonObject) k).getValue("revokedAt") == null)).containsExactly(false, true);

    runtime.restart();
    assertThat(runtime.api().get("/api/v1/workspaces").status()).isEqualTo(200);
  }

  @Test
  void anotherInstanceKeyCanBeCreatedUsedAndRevoked() throws Exception {
    ApiClient.Answer created = instance.post("/api/v1/instance/keys", null);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("role")).isEqualTo("instance_admin");
    String secondKey = created.json().getString("key");
    ApiClient second = instance.withKey(secondKey);
    assertThat(second.post("/api/v1/workspaces", new JsonObject().put("name", "by the second key")).status())
        .isEqualTo(201);

    assertThat(second.delete("/api/v1/instance/keys/" + fileKeyIdOf(second)).status()).isEqualTo(204);
    assertThat(instance.get("/api/v1/workspaces").status()).isEqualTo(401);
    runtime.restart();
    assertThat(new ApiClient(runtime.runtime().baseUrl(), secondKey).get("/api/v1/workspaces").status())
        .as("a revoked key in the admin key file does not stop the runtime").isEqualTo(200);
  }

  private static String fileKeyIdOf(ApiClient client) {
    return client.get("/api/v1/instance/keys").json().getJsonArray("keys").stream().map(JsonObject.class::cast)
        .filter(k -> k.getBoolean("inAdminKeyFile")).findFirst().orElseThrow().getString("id");
  }
}
